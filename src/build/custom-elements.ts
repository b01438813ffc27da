/**
 * Generates `custom-elements.json` (the Custom Elements Manifest, schema 2.1.0: https://github.com/webcomponents/custom-elements-manifest)
 * from the element's own source with the TypeScript compiler API, so the manifest editors and docs tools read can
 * never drift from the code: the class JSDoc gives `@fires`, `@csspart`, `@cssprop` and `@slot`; the public
 * properties (with their attribute, from `@property` or `static properties`, and one-line JSDoc), read-only getters and methods give the members;
 * a class `@attribute name` tag names an attribute the element sets itself (reflecting the property of that
 * name); `HTMLElementTagNameMap` gives the tag; `customElements.define()` calls give the definitions; the
 * style sources give the CSS custom properties' defaults (css-defaults.ts).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type * as TS from 'typescript';
import { describeClass, type ClassDeclaration } from './class-declaration.js';
import { cssDefaults } from './css-defaults.js';
import { collectEventTypes, collectOwnEventTypes, collectTags, declarationFile, isDefineCall, isExported } from './declarations.js';

export interface ManifestOptions {
  /** Project root: module paths are made relative to it. */
  readonly root: string;
  /** Modules to describe (absolute paths): the element's module and the one that registers it. */
  readonly modules: readonly string[];
  /** Maps a source path (relative to root) to the path the manifest names (the published JavaScript file). */
  readonly publishedPath: (sourcePath: string) => string;
  /** Sources (absolute paths) whose CSS gives the `--listen-*` properties' defaults. */
  readonly styleSources?: readonly string[];
}

interface Export {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: { name: string; module?: string; package?: string };
}
interface Module {
  kind: 'javascript-module';
  path: string;
  declarations: ClassDeclaration[];
  exports: Export[];
}
export interface CustomElementsManifest {
  schemaVersion: string;
  modules: Module[];
}

/** Reads the modules and returns their manifest; throws with the compiler's message if a module cannot be read. */
export function generateManifest(ts: typeof TS, options: ManifestOptions): CustomElementsManifest {
  const program = ts.createProgram([...options.modules], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const modulePath = (file: TS.SourceFile) => options.publishedPath(relative(options.root, file.fileName).split('\\').join('/'));
  // The event types come from the global `HTMLElementEventMap`, wherever the project declares them.
  const eventTypes = new Map<string, string>();
  for (const file of program.getSourceFiles()) {
    if (!file.isDeclarationFile) collectEventTypes(ts, file, eventTypes);
  }
  const styles = cssDefaults(ts, (options.styleSources ?? []).map((name) => ({ name, text: readFileSync(name, 'utf8') })));
  const tags = new Map<string, string>();
  for (const path of options.modules) {
    const file = program.getSourceFile(path);
    if (file) collectTags(ts, file, tags);
  }

  return {
    schemaVersion: '2.1.0',
    modules: options.modules.map((path) => {
      const file = program.getSourceFile(path);
      if (!file) throw new Error(`Cannot read ${path}.`);
      const declarations: ClassDeclaration[] = [];
      const exports: Export[] = [];
      const visit = (node: TS.Node) => {
        if (ts.isClassDeclaration(node) && node.name && isExported(ts, node)) {
          const own = new Map(eventTypes);
          for (const source of program.getSourceFiles()) {
            if (!source.isDeclarationFile) collectOwnEventTypes(ts, source, node.name.text, own);
          }
          const declaration = describeClass(ts, checker, node, own, styles);
          const tag = tags.get(declaration.name);
          if (tag) Object.assign(declaration, { customElement: true, tagName: tag });
          declarations.push(declaration);
          exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: modulePath(file) } });
        } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause) && !node.isTypeOnly) {
          for (const element of node.exportClause.elements) {
            if (element.isTypeOnly) continue;
            const target = declarationFile(ts, checker, element);
            const name = (element.propertyName ?? element.name).text;
            exports.push({ kind: 'js', name: element.name.text, declaration: { name, module: target ? modulePath(target) : modulePath(file) } });
          }
        } else if (ts.isCallExpression(node) && isDefineCall(ts, node)) {
          const [tag, constructor] = node.arguments;
          if (tag && ts.isStringLiteral(tag) && constructor && ts.isIdentifier(constructor)) {
            const target = declarationFile(ts, checker, constructor);
            exports.push({
              kind: 'custom-element-definition',
              name: tag.text,
              declaration: { name: constructor.text, module: modulePath(target ?? file) },
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      return { kind: 'javascript-module', path: modulePath(file), declarations, exports };
    }),
  };
}

/** The manifest's custom elements, each with its tag. */
export function customElementsOf(manifest: CustomElementsManifest): (ClassDeclaration & { tagName: string })[] {
  return manifest.modules.flatMap((module) =>
    module.declarations.filter((declaration): declaration is ClassDeclaration & { tagName: string } => Boolean(declaration.customElement && declaration.tagName)),
  );
}
