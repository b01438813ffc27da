/**
 * docs/api.md, generated from the Custom Elements Manifest by the build: the element's attributes and
 * properties, read-only properties, methods, events, parts and CSS custom properties. A unit test fails when
 * the committed file differs from what the element's source gives (tests/unit/build/api-docs.test.ts).
 */
import { customElementsOf, type CustomElementsManifest } from './custom-elements.js';

export const API_DOCS = 'docs/api.md';

/** Table cell text: pipes escaped, on one line. */
const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function apiMarkdown(manifest: CustomElementsManifest): string {
  const sections = [
    '# API reference',
    '<!-- Generated from custom-elements.json by `npm run build` (src/build/api-docs.ts). Do not edit: a test fails when it is stale. -->',
  ];
  for (const element of customElementsOf(manifest)) {
    const fields = element.members.filter((member) => member.kind === 'field');
    const attributed = fields.filter((member) => member.attribute && !member.readonly);
    const readOnly = fields.filter((member) => member.readonly);
    const methods = element.members.filter((member) => member.kind === 'method');
    const attributeOf = (field: string) => element.attributes.find((attribute) => attribute.fieldName === field);
    sections.push(
      `## \`<${element.tagName}>\``,
      cell(element.description),
      '### Attributes and properties',
      'Set either the attribute or the property; an attribute marked "reflects" follows the property.',
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributed.map((member) => [
          code(member.attribute) + (member.reflects ? ' (reflects)' : ''),
          code(member.name),
          code(member.type?.text),
          code(member.default),
          cell(member.description),
        ]),
      ),
      '### Read-only properties',
      table(
        ['Property', 'Type', 'Description'],
        readOnly.map((member) => {
          const attribute = attributeOf(member.name);
          const reflected = attribute ? ` Reflected to the attribute \`${attribute.name}\`.` : '';
          return [code(member.name), code(member.type?.text), cell(`${member.description ?? ''}${reflected}`)];
        }),
      ),
      '### Methods',
      table(
        ['Method', 'Description'],
        methods.map((member) => {
          const parameters = (member.parameters ?? []).map((parameter) => `${parameter.name}: ${parameter.type?.text ?? 'unknown'}`).join(', ');
          return [code(`${member.name}(${parameters}): ${member.return?.type.text ?? 'void'}`), cell(member.description)];
        }),
      ),
      '### Events',
      'Every event bubbles and is composed: listen on the element, an ancestor, `document` or `window`.',
      table(['Event', 'Type', 'Description'], element.events.map((event) => [code(event.name), code(event.type?.text), cell(event.description)])),
      '### CSS parts',
      table(['Part', 'Description'], element.cssParts.map((part) => [code(part.name), cell(part.description)])),
      '### CSS custom properties',
      table(
        ['Property', 'Default', 'Description'],
        element.cssProperties.map((property) => [code(property.name), code(property.default), cell(property.description)]),
      ),
    );
    if (element.slots.length) sections.push('### Slots', table(['Slot', 'Description'], element.slots.map((slot) => [code(slot.name || '(default)'), cell(slot.description)])));
  }
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}
