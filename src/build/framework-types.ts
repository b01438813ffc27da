/**
 * Generates the package's framework type declarations from the Custom Elements Manifest, so they list exactly
 * the attributes, properties and events each element (`<listen-player>`, `<listen-playlist>`) declares: `frameworks/element.d.ts` (the shared pieces) and
 * one file per framework, each augmenting that framework's own element typings (React 19 and Preact JSX, Vue 3
 * `GlobalComponents`, Svelte 5 `svelte/elements`, Solid JSX). The names come from the manifest; every type is
 * the element's own (`ListenPlayer['rate']`, `ListenPlayerEventMap['listen-progress']`), so a type changed in
 * the source changes here with it, and a name the manifest has but the class lacks fails to compile.
 * Each `.d.ts` has an empty `.js` beside it: `import 'listen-player/react'` works at run time too.
 */
import type { ClassDeclaration, Described } from './class-declaration.js';
import { customElementsOf, type CustomElementsManifest } from './custom-elements.js';

/** Folder of the generated files in the package's output. */
export const FRAMEWORKS = 'frameworks';
export const FRAMEWORK_NAMES = ['react', 'preact', 'vue', 'svelte', 'solid'] as const;

const HEADER = '// Generated from custom-elements.json by the build (src/build/framework-types.ts).\n';
/** The unbundled types, from the `frameworks/` folder. */
const LIB = '../lib/index.js';

interface Names {
  element: ClassDeclaration & { tagName: string };
  /** The class, as `lib/index.d.ts` exports it. */
  className: string;
  /** `PascalCase` of the tag: the prefix of the generated type names. */
  prefix: string;
  /** Writable properties backed by an attribute. */
  properties: (Described & { attribute: string })[];
  /** Attributes named otherwise than their property, with that property. */
  dashed: (Described & { fieldName: string })[];
  events: Described[];
}

/** File name (relative to the output folder) → content. */
export function frameworkTypes(manifest: CustomElementsManifest): Map<string, string> {
  const elements = customElementsOf(manifest).map(namesOf);
  if (!elements.length) throw new Error('The framework types describe at least one custom element.');
  const files = new Map<string, string>([[`${FRAMEWORKS}/element.d.ts`, shared(elements)]]);
  const each: Record<(typeof FRAMEWORK_NAMES)[number], (names: Names) => Framework> = { react, preact, vue, svelte, solid };
  for (const name of FRAMEWORK_NAMES) {
    const parts = elements.map(each[name]);
    const pieces = parts[0]!.pieces;
    const lines = [
      HEADER,
      `import type { ${elements.map((names) => names.className).join(', ')} } from '${LIB}';`,
      `import type { ${elements.flatMap((names) => pieces.map((piece) => names.prefix + piece)).join(', ')} } from './element.js';`,
      parts[0]!.imports,
      '',
      ...parts.map((part) => part.types),
      parts[0]!.augment(parts.map((part) => part.entry).join('\n')),
    ];
    files.set(`${FRAMEWORKS}/${name}.d.ts`, lines.join('\n'));
    files.set(`${FRAMEWORKS}/${name}.js`, `${HEADER}// Types only: see ${name}.d.ts.\nexport {};\n`);
  }
  return files;
}

function namesOf(element: ClassDeclaration & { tagName: string }): Names {
  const properties = element.members.filter(
    (member): member is typeof member & { attribute: string } => member.kind === 'field' && !member.readonly && Boolean(member.attribute),
  );
  return {
    element,
    className: element.name,
    prefix: element.tagName.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    properties,
    dashed: element.attributes.filter((attribute) => attribute.name !== attribute.fieldName && properties.some((property) => property.name === attribute.fieldName)),
    events: element.events,
  };
}

/** One element in one framework: the shared pieces it uses, its types, and its entry in the framework's element list. */
interface Framework {
  readonly pieces: readonly string[];
  readonly imports: string;
  readonly types: string;
  readonly entry: string;
  /** The framework's augmentation around the elements' entries. */
  readonly augment: (entries: string) => string;
}

function doc(entry: Described, indent: string): string {
  return entry.description ? `${indent}/** ${entry.description.replace(/\*\//g, '*\\/')} */\n` : '';
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

function shared(elements: readonly Names[]): string {
  const lines = [HEADER, `import type { ${elements.map(({ className, prefix }) => `${className}, ${prefix}EventMap`).join(', ')} } from '${LIB}';\n`];
  for (const { element, className, prefix, properties, dashed, events } of elements) {
    lines.push(
      `/** The properties a page sets on \`<${element.tagName}>\`, each also an attribute. */`,
      `export interface ${prefix}Properties {`,
      ...properties.map((property) => `${doc(property, '  ')}  ${key(property.name)}?: ${className}['${property.name}'];`),
      '}\n',
      `/** The attributes whose name is not their property's (React and Preact set these as attributes). */`,
      `export interface ${prefix}Attributes {`,
      ...dashed.map((attribute) => `${doc(attribute, '  ')}  ${key(attribute.name)}?: ${className}['${attribute.fieldName}'];`),
      '}\n',
      `/** The events \`<${element.tagName}>\` fires, by name; they bubble and are composed. */`,
      `export interface ${prefix}Events {`,
      ...events.map((event) => `${doc(event, '  ')}  ${key(event.name)}: ${prefix}EventMap['${event.name}'];`),
      '}\n',
      `/** A handler for each event as \`on\` + the event's name (React 19, Preact, Svelte 5). */`,
      `export interface ${prefix}EventHandlers {`,
      ...events.map((event) => `${doc(event, '  ')}  ${key(`on${event.name}`)}?: (event: ${prefix}Events['${event.name}']) => void;`),
      '}\n',
    );
  }
  return lines.join('\n');
}

function react({ element, className, prefix }: Names): Framework {
  return {
    pieces: ['Attributes', 'EventHandlers', 'Properties'],
    imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    types: `/** \`<${element.tagName}>\` in React 19 JSX: React sets each property, and listens to \`on\` + an event's exact name. */
export type ${prefix}ReactProps = DetailedHTMLProps<HTMLAttributes<${className}>, ${className}> &
  ${prefix}Properties &
  ${prefix}Attributes &
  ${prefix}EventHandlers;
`,
    entry: `      '${element.tagName}': ${prefix}ReactProps;`,
    augment: (entries) => `declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`,
  };
}

function preact({ element, className, prefix }: Names): Framework {
  return {
    pieces: ['Attributes', 'EventHandlers', 'Properties'],
    imports: "import type { HTMLAttributes } from 'preact';",
    types: `/** \`<${element.tagName}>\` in Preact (11) JSX: Preact sets each property, and listens to \`on\` + an event's exact name. */
export type ${prefix}PreactProps = HTMLAttributes<${className}> & ${prefix}Properties & ${prefix}Attributes & ${prefix}EventHandlers;
`,
    entry: `      '${element.tagName}': ${prefix}PreactProps;`,
    augment: (entries) => `declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`,
  };
}

function vue({ element, className, prefix }: Names): Framework {
  return {
    pieces: ['Events', 'Properties'],
    imports: "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    types: `/**
 * \`<${element.tagName}>\` in Vue 3 templates (vue-tsc, Volar): its properties (\`:rate="1.25"\`) and events
 * (\`@listen-statechange="…"\`). Vue itself must be told the tag is a custom element: see docs/frameworks.md.
 */
export type ${prefix}VueComponent = new () => ${className} & {
  /** @deprecated For template type-checking only: the element has no \`$props\`. */
  $props: HTMLAttributes & ${prefix}Properties & PublicProps;
  /** @deprecated For template type-checking only: the element has no \`$emit\`. */
  $emit: EmitFn<{ [Name in keyof ${prefix}Events]: (event: ${prefix}Events[Name]) => void }>;
};
`,
    entry: `    '${element.tagName}': ${prefix}VueComponent;`,
    augment: (entries) => `declare module 'vue' {
  interface GlobalComponents {
${entries}
  }
}
`,
  };
}

function svelte({ element, className, prefix }: Names): Framework {
  return {
    pieces: ['EventHandlers', 'Properties'],
    imports: "import type { HTMLAttributes } from 'svelte/elements';",
    types: `/** \`<${element.tagName}>\` in Svelte 5: Svelte sets each property, and listens to \`on\` + an event's exact name. */
export type ${prefix}SvelteProps = HTMLAttributes<${className}> & ${prefix}Properties & ${prefix}EventHandlers;
`,
    entry: `    '${element.tagName}': ${prefix}SvelteProps;`,
    augment: (entries) => `declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${entries}
  }
}
`,
  };
}

function solid({ element, className, prefix, events }: Names): Framework {
  return {
    pieces: ['Events', 'Properties'],
    imports: "import type { JSX } from 'solid-js';",
    types: `/** A handler for each event as \`on:\` + the event's name, Solid's form for custom events. */
export interface ${prefix}SolidEventHandlers {
${events.map((event) => `${doc(event, '  ')}  'on:${event.name}'?: (event: ${prefix}Events['${event.name}']) => void;`).join('\n')}
}

/** \`<${element.tagName}>\` in Solid JSX: Solid sets each property of a custom element. */
export type ${prefix}SolidProps = JSX.HTMLAttributes<${className}> & ${prefix}Properties & ${prefix}SolidEventHandlers;
`,
    entry: `      '${element.tagName}': ${prefix}SolidProps;`,
    augment: (entries) => `declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`,
  };
}
