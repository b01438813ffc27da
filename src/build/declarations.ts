/**
 * Small readers over the TypeScript compiler API for the Custom Elements Manifest generator
 * (custom-elements.ts): type text, where a name is declared, global interface maps, JSDoc tag text.
 */
import type * as TS from 'typescript';

export interface Type {
  text: string;
}

/** A type as a reader wants it: unions spelled out (`'idle' | 'loading' …`, `'speech' | 'audio' | null`), not alias names. */
export function typeText(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): Type {
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  if (!type.isUnion()) return { text: checker.typeToString(type, undefined, flags) };
  const parts = type.types.map((part) => checker.typeToString(part, undefined, flags));
  // `boolean` is the union `false | true` to the checker; say it as written.
  const text = parts.includes('true') && parts.includes('false')
    ? ['boolean', ...parts.filter((part) => part !== 'true' && part !== 'false')]
    : parts;
  return { text: text.join(' | ') };
}

export function superclassOrigin(ts: typeof TS, checker: TS.TypeChecker, identifier: TS.Identifier): { package?: string } {
  const symbol = checker.getSymbolAtLocation(identifier);
  const declaration = symbol?.declarations?.[0];
  if (!declaration || !ts.isImportSpecifier(declaration)) return {};
  const from = declaration.parent.parent.parent.moduleSpecifier;
  return ts.isStringLiteral(from) && !from.text.startsWith('.') ? { package: from.text } : {};
}

/** The source file that declares what `node` names, following imports and re-exports. */
export function declarationFile(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): TS.SourceFile | undefined {
  let symbol = checker.getSymbolAtLocation(ts.isExportSpecifier(node) ? node.propertyName ?? node.name : node);
  if (ts.isExportSpecifier(node)) symbol = checker.getExportSpecifierLocalTargetSymbol(node) ?? symbol;
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0]?.getSourceFile();
}

export function isExported(ts: typeof TS, node: TS.ClassDeclaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
}

/** `customElements.define('tag', Class)`, also as `window.customElements.define(…)`. */
export function isDefineCall(ts: typeof TS, node: TS.CallExpression): boolean {
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'define' && /(^|\.)customElements$/.test(callee.expression.getText());
}

/** Tag names from `interface HTMLElementTagNameMap { 'tag': Class }`. */
export function collectTags(ts: typeof TS, file: TS.SourceFile, into: Map<string, string>): void {
  forEachGlobalInterfaceMember(ts, file, 'HTMLElementTagNameMap', (name, type) => {
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) into.set(type.typeName.text, name);
  });
}

/**
 * Event types from `interface HTMLElementEventMap { 'event': CustomEvent<Detail> }`, or from the element's own
 * event map, which the global maps extend (`interface ListenPlayerEventMap { … }`).
 */
export function collectEventTypes(ts: typeof TS, file: TS.SourceFile, into: Map<string, string>): void {
  for (const name of ['HTMLElementEventMap', 'ListenPlayerEventMap']) {
    forEachGlobalInterfaceMember(ts, file, name, (event, type) => into.set(event, type.getText()));
  }
}

/**
 * The events of an element's own map (`<Class>EventMap`, such as `ListenPlaylistEventMap`), which win over the
 * global ones: two elements may fire events of one name with other details (`listen-error`).
 */
export function collectOwnEventTypes(ts: typeof TS, file: TS.SourceFile, className: string, into: Map<string, string>): void {
  forEachGlobalInterfaceMember(ts, file, `${className}EventMap`, (event, type) => into.set(event, type.getText()));
}

function forEachGlobalInterfaceMember(
  ts: typeof TS,
  file: TS.SourceFile,
  interfaceName: string,
  each: (name: string, type: TS.TypeNode) => void,
): void {
  const visit = (node: TS.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && (ts.isStringLiteral(member.name) || ts.isIdentifier(member.name))) {
          each(member.name.text, member.type);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** "name - description" (JSDoc's usual form for these tags) into its parts. */
export function splitTag(text: string): { name: string; description: string } {
  const match = /^\s*(\S+)(?:\s+-\s+|\s+)?([\s\S]*)$/.exec(text);
  return { name: match?.[1] ?? '', description: (match?.[2] ?? '').trim() };
}

export function described(text: string | undefined): { description?: string } {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? { description: clean } : {};
}
