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
import { cssDefaults, type CssDefault } from './css-defaults.js';
import type * as TS from 'typescript';
import {
  collectEventTypes,
  collectTags,
  declarationFile,
  described,
  isDefineCall,
  isExported,
  splitTag,
  superclassOrigin,
  typeText,
  type Type,
} from './declarations.js';

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

export interface Described {
  name: string;
  description?: string;
}
export interface Member extends Described {
  kind: 'field' | 'method';
  type?: Type;
  default?: string;
  attribute?: string;
  reflects?: boolean;
  readonly?: boolean;
  parameters?: (Described & { type?: Type })[];
  return?: { type: Type };
}
export interface Attribute extends Described {
  type?: Type;
  default?: string;
  fieldName: string;
}
export interface ClassDeclaration extends Described {
  kind: 'class';
  customElement?: true;
  tagName?: string;
  superclass?: { name: string; package?: string; module?: string };
  members: Member[];
  attributes: Attribute[];
  events: (Described & { type?: Type })[];
  cssParts: Described[];
  cssProperties: (Described & { default?: string })[];
  slots: Described[];
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
          const declaration = describeClass(ts, checker, node, eventTypes, styles);
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

function describeClass(
  ts: typeof TS,
  checker: TS.TypeChecker,
  node: TS.ClassDeclaration,
  eventTypes: ReadonlyMap<string, string>,
  styles: ReadonlyMap<string, CssDefault>,
): ClassDeclaration {
  const declaration: ClassDeclaration = {
    kind: 'class',
    name: node.name!.text,
    ...described(ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1)?.comment)),
    members: [],
    attributes: [],
    events: [],
    cssParts: [],
    cssProperties: [],
    slots: [],
  };
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (heritage && ts.isIdentifier(heritage.expression)) {
    declaration.superclass = { name: heritage.expression.text, ...superclassOrigin(ts, checker, heritage.expression) };
  }
  const ownAttributes: Attribute[] = [];
  for (const tag of ts.getJSDocTags(node)) {
    const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
    // `@cssprop [--name=default] - …`: a default the styles cannot give (one the browser computes).
    const stated = /^\s*\[([^\]=\s]+)=([^\]]+)\]\s*-?\s*([\s\S]*)$/.exec(text);
    const { name, description } = stated ? { name: stated[1]!, description: stated[3]!.trim() } : splitTag(text);
    if (!name) continue;
    const entry = { name, ...described(description) };
    switch (tag.tagName.text) {
      case 'fires':
      case 'event': {
        const type = eventTypes.get(name);
        declaration.events.push(type ? { ...entry, type: { text: type } } : entry);
        break;
      }
      case 'csspart':
        declaration.cssParts.push(entry);
        break;
      case 'cssprop':
      case 'cssproperty':
        declaration.cssProperties.push(withDefault(entry, stated ? { default: stated[2]!.trim() } : styles.get(name)));
        break;
      case 'attr':
      case 'attribute':
        ownAttributes.push({ ...entry, fieldName: camelCase(name) });
        break;
      case 'slot':
        declaration.slots.push(entry);
        break;
    }
  }
  for (const member of node.members) describeMember(ts, checker, member, declaration);
  // An attribute the element keeps itself (`state`): the type is its property's, which reflects to it.
  for (const attribute of ownAttributes) {
    const field = declaration.members.find((member) => member.kind === 'field' && member.name === attribute.fieldName);
    if (field) Object.assign(field, { attribute: attribute.name, reflects: true });
    declaration.attributes.push(field?.type ? { ...attribute, type: field.type } : attribute);
  }
  return declaration;
}

function withDefault(entry: Described, found: CssDefault | undefined): Described & { default?: string } {
  if (!found) return entry;
  const dark = found.dark ? `Dark theme: \`${found.dark}\`.` : '';
  const description = [entry.description, dark].filter(Boolean).join(' ');
  return { ...entry, ...(description ? { description } : {}), default: found.default };
}

function camelCase(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Public instance members only: private (`#x`, `private`), protected (Lit's lifecycle) and static members
 * (test seams, styles) describe the class, not an element a page uses; nor does a method that overrides the
 * base class's (`connectedCallback`: the browser calls it, a page never does).
 */
function describeMember(ts: typeof TS, checker: TS.TypeChecker, member: TS.ClassElement, into: ClassDeclaration): void {
  if (!member.name || !ts.isIdentifier(member.name)) return;
  const modifiers = ts.getCombinedModifierFlags(member as TS.Declaration);
  if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) return;
  if (ts.getJSDocTags(member).some((tag) => ['internal', 'ignore', 'private'].includes(tag.tagName.text))) return;
  const name = member.name.text;
  const description = described(ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc).at(-1)?.comment));
  if (ts.isMethodDeclaration(member)) {
    if (modifiers & ts.ModifierFlags.Override) return;
    const signature = checker.getSignatureFromDeclaration(member);
    const returns = signature ? typeText(ts, checker, checker.getReturnTypeOfSignature(signature)) : undefined;
    into.members.push({
      kind: 'method',
      name,
      ...description,
      parameters: member.parameters.map((parameter) => ({
        name: parameter.name.getText(),
        type: typeText(ts, checker, checker.getTypeAtLocation(parameter)),
      })),
      ...(returns ? { return: { type: returns } } : {}),
    });
    return;
  }
  if (ts.isGetAccessorDeclaration(member)) {
    const hasSetter = (member.parent as TS.ClassLikeDeclaration).members.some(
      (other) => ts.isSetAccessorDeclaration(other) && other.name.getText() === name,
    );
    into.members.push({
      kind: 'field',
      name,
      ...description,
      type: typeText(ts, checker, checker.getTypeAtLocation(member)),
      ...(hasSetter ? {} : { readonly: true }),
    });
    return;
  }
  if (!ts.isPropertyDeclaration(member)) return;
  const type = typeText(ts, checker, checker.getTypeAtLocation(member));
  const initial = member.initializer?.getText();
  const field: Member = { kind: 'field', name, ...description, type, ...(initial ? { default: initial } : {}) };
  const options = propertyDecoratorOptions(ts, member);
  if (options) {
    // Lit's default attribute is the lower-cased property name; `attribute: false` means none.
    const attribute = options.attribute === false ? undefined : options.attribute ?? name.toLowerCase();
    if (attribute) {
      field.attribute = attribute;
      if (options.reflect) field.reflects = true;
      into.attributes.push({ name: attribute, ...description, type, ...(initial ? { default: initial } : {}), fieldName: name });
    }
  }
  into.members.push(field);
}

/**
 * The declaration of a reactive property: the options of its `@property({...})` decorator, else its entry in
 * the class's `static properties = {...}`; undefined when it has neither.
 */
function propertyDecoratorOptions(ts: typeof TS, member: TS.PropertyDeclaration): PropertyOptions | undefined {
  for (const decorator of ts.getDecorators(member) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'property') continue;
    return declarationOptions(ts, call.arguments[0]);
  }
  const name = member.name.getText();
  const declarations = member.parent.members.find(
    (other): other is TS.PropertyDeclaration =>
      ts.isPropertyDeclaration(other) && other.name.getText() === 'properties' && Boolean(ts.getCombinedModifierFlags(other) & ts.ModifierFlags.Static),
  )?.initializer;
  if (!declarations || !ts.isObjectLiteralExpression(declarations)) return undefined;
  for (const entry of declarations.properties) {
    if (ts.isPropertyAssignment(entry) && (ts.isIdentifier(entry.name) || ts.isStringLiteral(entry.name)) && entry.name.text === name) {
      return declarationOptions(ts, entry.initializer);
    }
  }
  return undefined;
}

type PropertyOptions = { attribute?: string | false; reflect?: boolean };

/** `attribute` and `reflect` of a Lit property declaration (`{ attribute: 'x', reflect: true }`). */
function declarationOptions(ts: typeof TS, argument: TS.Expression | undefined): PropertyOptions {
  const result: PropertyOptions = {};
  if (argument && ts.isObjectLiteralExpression(argument)) {
    for (const property of argument.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      const value = property.initializer;
      if (property.name.text === 'attribute') {
        if (ts.isStringLiteral(value)) result.attribute = value.text;
        else if (value.kind === ts.SyntaxKind.FalseKeyword) result.attribute = false;
      } else if (property.name.text === 'reflect') {
        result.reflect = value.kind === ts.SyntaxKind.TrueKeyword;
      }
    }
  }
  return result;
}

/** The manifest's custom elements, each with its tag. */
export function customElementsOf(manifest: CustomElementsManifest): (ClassDeclaration & { tagName: string })[] {
  return manifest.modules.flatMap((module) =>
    module.declarations.filter((declaration): declaration is ClassDeclaration & { tagName: string } => Boolean(declaration.customElement && declaration.tagName)),
  );
}
