/**
 * The framework declarations and the editors' data, generated from the Custom Elements Manifest: each names
 * every attribute, property and event the element has. That they compile in real apps of each framework is
 * the consumer suite's to show (tests/consumers).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { literalValues, vscodeCustomData, webTypes } from '../../../src/build/editor-data.js';
import { FRAMEWORK_NAMES, FRAMEWORKS, frameworkTypes } from '../../../src/build/framework-types.js';
import { listenManifest } from '../../../src/build/library.js';
import { root } from '../helpers/library-build.js';

const manifest = listenManifest(ts, root);
const [element] = manifest.modules.flatMap((module) => module.declarations).filter((entry) => entry.tagName);
const events = element!.events.map((event) => event.name);

describe('frameworkTypes', () => {
  const files = frameworkTypes(manifest);

  it('types every writable property, every differently named attribute and every event once, with the element\'s own types', () => {
    const shared = files.get(`${FRAMEWORKS}/element.d.ts`)!;
    for (const name of ['for', 'src', 'allowCrossOrigin', 'rate', 'highlight', 'noFollow', 'theme']) {
      expect(shared).toContain(`${/-/.test(name) ? `'${name}'` : name}?: ListenPlayer['${name}'];`);
    }
    expect(shared).toContain("'allow-cross-origin'?: ListenPlayer['allowCrossOrigin'];");
    expect(shared).not.toMatch(/\bstate\?:|segments\?:|play\?:/);
    for (const event of events) {
      expect(shared).toContain(`'${event}': ListenPlayerEventMap['${event}'];`);
      expect(shared).toContain(`'on${event}'?: (event: ListenPlayerEvents['${event}']) => void;`);
    }
  });

  it('augments each framework where it looks for elements, with a run-time module beside each', () => {
    const augments = {
      react: /declare module 'react' \{\s+namespace JSX \{\s+interface IntrinsicElements \{\s+'listen-player'/,
      preact: /declare module 'preact' \{\s+namespace JSX \{\s+interface IntrinsicElements \{\s+'listen-player'/,
      vue: /declare module 'vue' \{\s+interface GlobalComponents \{\s+'listen-player'/,
      svelte: /declare module 'svelte\/elements' \{\s+interface SvelteHTMLElements \{\s+'listen-player'/,
      solid: /declare module 'solid-js' \{\s+namespace JSX \{\s+interface IntrinsicElements \{\s+'listen-player'/,
    };
    for (const name of FRAMEWORK_NAMES) {
      expect(files.get(`${FRAMEWORKS}/${name}.d.ts`)).toMatch(augments[name]);
      expect(files.get(`${FRAMEWORKS}/${name}.js`)).toContain('export {};');
    }
    for (const event of events) expect(files.get(`${FRAMEWORKS}/solid.d.ts`)).toContain(`'on:${event}'?:`);
  });
});

describe('frameworkTypes of <listen-playlist>', () => {
  const files = frameworkTypes(manifest);

  it('types the playlist beside the player, its events by its own map', () => {
    const shared = files.get(`${FRAMEWORKS}/element.d.ts`)!;
    expect(shared).toContain("noContinue?: ListenPlaylist['noContinue'];");
    expect(shared).toContain("'no-continue'?: ListenPlaylist['noContinue'];");
    for (const event of ['listen-itemchange', 'listen-statechange', 'listen-error', 'listen-ended']) {
      expect(shared).toContain(`'${event}': ListenPlaylistEventMap['${event}'];`);
    }
    for (const name of FRAMEWORK_NAMES) expect(files.get(`${FRAMEWORKS}/${name}.d.ts`)).toMatch(/'listen-player': \w+;\n\s+'listen-playlist': \w+;/);
  });
});

describe('editor data', () => {
  it('reads the values of a union of string literals, and none of other types', () => {
    expect(literalValues("'paragraph' | 'word' | 'none'")).toEqual(['paragraph', 'word', 'none']);
    expect(literalValues("'speech' | 'audio' | null")).toEqual(['speech', 'audio']);
    expect(literalValues('number')).toEqual([]);
    expect(literalValues("string | 'x'")).toEqual([]);
  });

  it("gives VS Code every attribute with its values, and the events, parts and properties in the tag's description", () => {
    const data = vscodeCustomData(manifest, 'https://example.org/api') as {
      tags: { name: string; description: { value: string }; attributes: { name: string; values?: { name: string }[]; valueSet?: string }[] }[];
    };
    const [tag] = data.tags;
    expect(tag!.name).toBe('listen-player');
    expect(tag!.attributes.map((attribute) => attribute.name)).toEqual(element!.attributes.map((attribute) => attribute.name));
    expect(tag!.attributes.find((attribute) => attribute.name === 'highlight')?.values).toEqual([{ name: 'paragraph' }, { name: 'word' }, { name: 'none' }]);
    expect(tag!.attributes.find((attribute) => attribute.name === 'no-follow')?.valueSet).toBe('v');
    for (const name of [...events, 'play-button', '--listen-accent']) expect(tag!.description.value).toContain(`\`${name}\``);
    expect(tag!.description.value).toContain('(default `#1a56b8`)');
  });

  it('gives JetBrains the attributes, events, parts and custom properties with their defaults', () => {
    const types = webTypes(manifest, { name: 'listen-player', version: '1.2.3' }, 'https://example.org/api') as {
      version: string;
      contributions: { html: { elements: { name: string; attributes: { name: string }[]; events: { name: string }[]; css: { parts: { name: string }[]; properties: { name: string; default?: string }[] } }[] } };
    };
    const [web] = types.contributions.html.elements;
    expect(types.version).toBe('1.2.3');
    expect(web!.name).toBe('listen-player');
    expect(web!.attributes.map((attribute) => attribute.name)).toContain('state');
    expect(web!.events.map((event) => event.name)).toEqual(events);
    expect(web!.css.parts.map((part) => part.name)).toContain('seek');
    expect(web!.css.properties.find((property) => property.name === '--listen-radius')?.default).toBe('12px');
  });
});
