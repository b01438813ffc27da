/**
 * Editor support generated from the Custom Elements Manifest: VS Code's HTML custom data
 * (https://github.com/microsoft/vscode-html-languageservice/blob/main/docs/customData.md) and JetBrains'
 * web-types (https://github.com/JetBrains/web-types): the tag, its attributes with their values and
 * defaults, its events, parts and CSS custom properties. VS Code's format has no place for events, parts or
 * CSS properties: the tag's description lists them.
 */
import type { Attribute, ClassDeclaration } from './class-declaration.js';
import { customElementsOf, type CustomElementsManifest } from './custom-elements.js';

export const VSCODE_DATA = 'vscode.html-custom-data.json';
export const WEB_TYPES = 'web-types.json';

/** The string literals of a union type's text (`'a' | 'b' | null` → a, b); none when it has other members. */
export function literalValues(type: string | undefined): string[] {
  const parts = (type ?? '').split('|').map((part) => part.trim()).filter((part) => part !== 'null' && part !== 'undefined');
  const literals = parts.map((part) => /^'([^']*)'$/.exec(part)?.[1]);
  return literals.length && literals.every((value) => value !== undefined) ? (literals as string[]) : [];
}

const isBoolean = (attribute: Attribute) => attribute.type?.text === 'boolean';

function markdownSummary(element: ClassDeclaration, docs: string): string {
  const list = (title: string, entries: { name: string; description?: string; default?: string }[]) =>
    entries.length
      ? [`**${title}**`, ...entries.map((entry) => `- \`${entry.name}\`${entry.default ? ` (default \`${entry.default}\`)` : ''}${entry.description ? `: ${entry.description}` : ''}`)].join('\n')
      : '';
  return [
    element.description ?? '',
    list('Events', element.events),
    list('CSS parts', element.cssParts),
    list('CSS custom properties', element.cssProperties),
    `[API reference](${docs})`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function vscodeCustomData(manifest: CustomElementsManifest, docs: string): object {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: customElementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: markdownSummary(element, docs) },
      attributes: element.attributes.map((attribute) => {
        const values = literalValues(attribute.type?.text);
        const description = [attribute.description, attribute.default ? `Default: \`${attribute.default}\`.` : ''].filter(Boolean).join(' ');
        return {
          name: attribute.name,
          ...(description ? { description } : {}),
          ...(isBoolean(attribute) ? { valueSet: 'v' } : values.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      references: [{ name: 'API reference', url: docs }],
    })),
  };
}

export function webTypes(manifest: CustomElementsManifest, pkg: { name: string; version: string }, docs: string): object {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: customElementsOf(manifest).map((element) => ({
          name: element.tagName,
          ...(element.description ? { description: element.description } : {}),
          'doc-url': docs,
          source: { module: pkg.name, symbol: element.name },
          attributes: element.attributes.map((attribute) => ({
            name: attribute.name,
            ...(attribute.description ? { description: attribute.description } : {}),
            value: isBoolean(attribute)
              ? { kind: 'no-value', type: 'boolean' }
              : { type: attribute.type?.text ?? 'string', ...(attribute.default ? { default: attribute.default } : {}) },
          })),
          events: element.events.map((event) => ({ name: event.name, ...(event.description ? { description: event.description } : {}) })),
          slots: element.slots.map((slot) => ({ name: slot.name, ...(slot.description ? { description: slot.description } : {}) })),
          css: {
            parts: element.cssParts.map((part) => ({ name: part.name, ...(part.description ? { description: part.description } : {}) })),
            properties: element.cssProperties.map((property) => ({
              name: property.name,
              ...(property.description ? { description: property.description } : {}),
              ...(property.default ? { default: property.default } : {}),
            })),
          },
          js: {
            properties: element.members
              .filter((member) => member.kind === 'field')
              .map((member) => ({
                name: member.name,
                ...(member.description ? { description: member.description } : {}),
                ...(member.type ? { type: member.type.text } : {}),
                ...(member.readonly ? { 'read-only': true } : {}),
              })),
            events: element.events.map((event) => ({
              name: event.name,
              ...(event.description ? { description: event.description } : {}),
              ...(event.type ? { type: event.type.text } : {}),
            })),
          },
        })),
      },
    },
  };
}
