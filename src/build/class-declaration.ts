/**
 * One class's entry in `custom-elements.json` (custom-elements.ts builds the file): read from the class's JSDoc
 * tags (`@fires`, `@csspart`, `@cssprop`, `@slot`, `@attribute`) and its public members, with the `@property`
 * decorators' attributes and the style sources' CSS defaults.
 */
import type * as TS from 'typescript';
import type { CssDefault } from './css-defaults.js';
import { described, splitTag, superclassOrigin, typeText, type Type } from './declarations.js';

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

/** The manifest entry of the class `node`: its documentation, members, attributes, events, parts, CSS properties and slots. */
export function describeClass(
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
