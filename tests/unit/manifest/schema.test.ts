// audio/manifest.schema.json documents the manifest for other tools: it must accept what the renderer
// writes and refuse what parseManifest refuses (as far as a schema can say it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../src/render/timeline.js';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../../audio/manifest.schema.json', import.meta.url), 'utf8')) as Schema;

/** The keywords the schema may use: the small validator below implements exactly these. */
const ANNOTATIONS = new Set(['$schema', 'title', 'description']);
const KEYWORDS = new Set(['type', 'required', 'properties', 'items', 'prefixItems', 'minItems', 'maxItems', 'minimum', 'exclusiveMinimum', 'maximum', 'minLength', 'pattern']);

/** Validates `value` against a JSON Schema subset; returns the paths that fail. */
function validate(value: unknown, node: Schema, path = '$'): string[] {
  for (const key of Object.keys(node)) {
    if (!ANNOTATIONS.has(key) && !KEYWORDS.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
  }
  const errors: string[] = [];
  const type = node['type'];
  const types: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    number: (v) => typeof v === 'number' && Number.isFinite(v),
    integer: Number.isInteger,
    boolean: (v) => typeof v === 'boolean',
  };
  if (typeof type === 'string' && !types[type]!(value)) return [`${path}: not ${type}`];
  if (typeof value === 'string') {
    if (typeof node['minLength'] === 'number' && value.length < node['minLength']) errors.push(`${path}: too short`);
    if (typeof node['pattern'] === 'string' && !new RegExp(node['pattern'], 'u').test(value)) errors.push(`${path}: pattern`);
  }
  if (typeof value === 'number' && typeof node['minimum'] === 'number' && value < node['minimum']) errors.push(`${path}: minimum`);
  if (typeof value === 'number' && typeof node['exclusiveMinimum'] === 'number' && value <= node['exclusiveMinimum']) errors.push(`${path}: exclusiveMinimum`);
  if (typeof value === 'number' && typeof node['maximum'] === 'number' && value > node['maximum']) errors.push(`${path}: maximum`);
  if (Array.isArray(value)) {
    if (typeof node['minItems'] === 'number' && value.length < node['minItems']) errors.push(`${path}: minItems`);
    if (typeof node['maxItems'] === 'number' && value.length > node['maxItems']) errors.push(`${path}: maxItems`);
    const prefix = (node['prefixItems'] as Schema[] | undefined) ?? [];
    value.forEach((item, i) => {
      const itemSchema = prefix[i] ?? (node['items'] as Schema | undefined);
      if (itemSchema) errors.push(...validate(item, itemSchema, `${path}[${i}]`));
    });
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key of (node['required'] as string[] | undefined) ?? []) {
      if (!(key in object)) errors.push(`${path}.${key}: required`);
    }
    const properties = (node['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, propertySchema] of Object.entries(properties)) {
      if (key in object) errors.push(...validate(object[key], propertySchema, `${path}.${key}`));
    }
  }
  return errors;
}

const rendered = buildManifest(
  {
    lang: 'en-GB',
    voice: 'English (Great Britain)',
    generator: 'listen-render/1',
    hash: 'abc',
    sampleRate: 22_050,
    sources: [
      { src: 'a.mp3', type: 'audio/mpeg' },
      { src: 'a.opus', type: 'audio/ogg; codecs=opus' },
    ],
  },
  [
    { text: 'Title', samples: 11_025, words: [{ start: 0, end: 11_000, offset: 0, length: 5 }] },
    { text: 'No words here.', samples: 5_000, words: [] },
  ],
);

describe('manifest.schema.json', () => {
  it('accepts what the renderer writes', () => {
    expect(validate(structuredClone(rendered), schema)).toEqual([]);
  });

  it('accepts the 1.1 fields the import command writes: a segment without audio, estimated word times', () => {
    const manifest = structuredClone(rendered) as any;
    manifest.version = '1.1';
    manifest.segments[0].estimated = true;
    Object.assign(manifest.segments[1], { start: manifest.segments[0].end, end: manifest.segments[0].end, words: [], audio: false });
    expect(validate(manifest, schema)).toEqual([]);
  });

  it('accepts the test fixture of the seed recording without one paragraph', () => {
    const partial: unknown = JSON.parse(readFileSync(new URL('../../fixtures/audio/seed-partial.json', import.meta.url), 'utf8'));
    expect(validate(partial, schema)).toEqual([]);
  });

  it.each<[string, (m: any) => void, string]>([
    ['a newer major version', (m) => (m.version = '2.0'), '$.version: pattern'],
    ['no sources', (m) => (m.sources = []), '$.sources: minItems'],
    ['a source that is not audio', (m) => (m.sources[0].type = 'text/html'), '$.sources[0].type: pattern'],
    ['a missing duration', (m) => delete m.duration, '$.duration: required'],
    ['a duration of zero', (m) => (m.duration = 0), '$.duration: exclusiveMinimum'],
    ['a duration of more than a day', (m) => (m.duration = 1e308), '$.duration: maximum'],
    ['a negative time', (m) => (m.segments[0].start = -1), '$.segments[0].start: minimum'],
    ['a bad fingerprint', (m) => (m.segments[0].fingerprint = 'xyz'), '$.segments[0].fingerprint: pattern'],
    ['a word of three numbers', (m) => m.segments[0].words[0].pop(), '$.segments[0].words[0]: minItems'],
    ['a fractional word offset', (m) => (m.segments[0].words[0][2] = 0.5), '$.segments[0].words[0][2]: not integer'],
    ['an empty word', (m) => (m.segments[0].words[0][3] = 0), '$.segments[0].words[0][3]: minimum'],
    ['a text length of zero', (m) => (m.segments[1].length = 0), '$.segments[1].length: minimum'],
    ['an audio flag that is not a boolean', (m) => (m.segments[1].audio = 'no'), '$.segments[1].audio: not boolean'],
    ['an estimated flag that is not a boolean', (m) => (m.segments[0].estimated = 1), '$.segments[0].estimated: not boolean'],
  ])('refuses %s', (_, change, error) => {
    const manifest = structuredClone(rendered) as any;
    change(manifest);
    expect(validate(manifest, schema)).toContain(error);
  });
});
