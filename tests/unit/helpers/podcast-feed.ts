/**
 * The checks podcast apps and validators (Apple Podcasts, the Podcast Index) make of a feed, and a WebVTT
 * check, for tests. Its own strict XML reader: a feed that is not well-formed is refused by every app, and a
 * lenient parser would hide exactly that.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`a bare < at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`an & that starts no reference at ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const code = /^#x[0-9a-f]+$/i.test(body) ? parseInt(body.slice(2), 16) : /^#\d+$/.test(body) ? Number(body.slice(1)) : NaN;
    if (!Number.isFinite(code) || code > 0x10ffff) throw new Error(`an unknown reference &${body}; at ${where}`);
    return String.fromCodePoint(code);
  });
}

/** Parses `xml` strictly (one root, nested tags, quoted unique attributes, known references); throws on the first fault. */
export function parseXml(xml: string): XmlElement {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('a character XML does not allow');
  let at = 0;
  const declaration = /^<\?xml\s+version="1\.0"(?:\s+encoding="UTF-8")?\s*\?>\s*/i.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end < 0) throw new Error(`an unclosed comment at ${at}`);
      at = end + 3;
    } else if (xml.startsWith('</', at)) {
      const end = xml.indexOf('>', at);
      const name = xml.slice(at + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> at ${at} closes <${open?.name ?? 'nothing'}>`);
      at = end + 1;
    } else if (xml[at] === '<') {
      const name = NAME.exec(xml.slice(at + 1))?.[0];
      if (!name) throw new Error(`a < that starts no tag at ${at}`);
      at += 1 + name.length;
      const attributes = new Map<string, string>();
      for (;;) {
        const space = /^\s*/.exec(xml.slice(at))![0].length;
        at += space;
        if (xml.startsWith('/>', at) || xml[at] === '>') break;
        if (space === 0) throw new Error(`no space before an attribute of <${name}> at ${at}`);
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(xml.slice(at));
        if (!attribute) throw new Error(`a malformed attribute in <${name}> at ${at}`);
        if (attributes.has(attribute[1]!)) throw new Error(`attribute ${attribute[1]} twice in <${name}>`);
        attributes.set(attribute[1]!, decode(attribute[2] ?? attribute[3]!, at));
        at += attribute[0].length;
      }
      const element: XmlElement = { name, attributes, children: [], text: '' };
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else if (root) throw new Error(`a second root element <${name}>`);
      else root = element;
      if (xml[at] === '>') stack.push(element);
      at += xml[at] === '>' ? 1 : 2;
    } else {
      const end = xml.indexOf('<', at) < 0 ? xml.length : xml.indexOf('<', at);
      const text = decode(xml.slice(at, end), at);
      if (stack.length > 0) stack.at(-1)!.text += text;
      else if (text.trim()) throw new Error(`text outside the root element at ${at}`);
      at = end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name);
export const children = (element: XmlElement | undefined, name: string): XmlElement[] => element?.children.filter((c) => c.name === name) ?? [];

/** RFC 822 (with RFC 1123's four-digit year), as podcast apps read `pubDate`. */
const RFC_822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|[+-]\d{4})$/;
const ENCLOSURE_TYPES = new Set(['audio/mpeg', 'audio/x-m4a', 'audio/mp4', 'audio/ogg', 'audio/aac', 'video/mp4', 'video/quicktime', 'video/x-m4v']);
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';

function isHttpUrl(text: string | undefined): boolean {
  if (!text) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href === text.trim();
  } catch {
    return false;
  }
}

/** Whether `date` is an RFC 822 date naming the day it is (a wrong weekday is refused). */
export function isRfc822(date: string): boolean {
  const match = RFC_822.exec(date);
  if (!match) return false;
  const time = Date.parse(date);
  if (!Number.isFinite(time)) return false;
  return !match[1] || new Date(time).toUTCString().startsWith(match[1]) || match[8] !== 'GMT';
}

export interface FeedCheckOptions {
  /** The byte length of the file an enclosure URL names; undefined when the test cannot know it. */
  readonly fileSize?: (url: string) => number | undefined;
}

/** A `fileSize` for a feed whose files are in `dir`, published at `base`: the size of the file a URL under `base` names. */
export function fileSizesIn(dir: string, base: string): (url: string) => number | undefined {
  return (url) => (url.startsWith(base) ? statSync(join(dir, url.slice(base.length))).size : undefined);
}

/** What podcast apps would refuse or miss in `xml`; empty when it passes. */
export function checkFeed(xml: string, options: FeedCheckOptions = {}): string[] {
  let rss: XmlElement;
  try {
    rss = parseXml(xml);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => void (ok || problems.push(problem));
  need(rss.name === 'rss' && rss.attributes.get('version') === '2.0', 'the root is not <rss version="2.0">');
  need(rss.attributes.get('xmlns:itunes') === ITUNES, 'the iTunes namespace is not declared');
  if (xml.includes('<podcast:')) need(rss.attributes.get('xmlns:podcast') === PODCAST, 'the Podcasting 2.0 namespace is not declared');
  const channels = children(rss, 'channel');
  need(channels.length === 1, `${channels.length} <channel> elements, not one`);
  const channel = channels[0];
  for (const name of ['title', 'link', 'description', 'language', 'itunes:author']) need(!!child(channel, name)?.text.trim(), `the channel has no <${name}>`);
  need(isHttpUrl(child(channel, 'link')?.text.trim()), 'the channel <link> is not an absolute http(s) URL');
  need(/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(child(channel, 'language')?.text ?? ''), 'the channel <language> is not a language code');
  const image = child(channel, 'itunes:image')?.attributes.get('href');
  need(isHttpUrl(image) && /\.(?:jpe?g|png)$/i.test(new URL(image ?? 'x:').pathname), 'the channel has no <itunes:image href> naming a JPEG or PNG by absolute URL');
  need(!!child(channel, 'itunes:category')?.attributes.get('text'), 'the channel has no <itunes:category text>');
  need(['true', 'false'].includes(child(channel, 'itunes:explicit')?.text ?? ''), '<itunes:explicit> is not true or false');
  const guid = child(channel, 'podcast:guid')?.text;
  if (guid !== undefined) need(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(guid), '<podcast:guid> is not a UUID v5');
  const items = children(channel, 'item');
  need(items.length > 0, 'the feed has no items');
  const guids = new Set<string>();
  items.forEach((item, i) => {
    const label = `item ${i + 1}`;
    need(!!child(item, 'title')?.text.trim(), `${label} has no <title>`);
    need(!!child(item, 'description')?.text.trim(), `${label} has no <description>`);
    need(isHttpUrl(child(item, 'link')?.text.trim()), `${label}: <link> is not an absolute http(s) URL`);
    const guid = child(item, 'guid');
    const id = guid?.text.trim() ?? '';
    need(!!id, `${label} has no <guid>`);
    need(!guids.has(id), `${label}: guid ${id} is not unique`);
    guids.add(id);
    if (guid?.attributes.get('isPermaLink') !== 'false') need(isHttpUrl(id), `${label}: a permalink guid that is not an absolute http(s) URL`);
    need(isRfc822(child(item, 'pubDate')?.text ?? ''), `${label}: <pubDate> is not an RFC 822 date`);
    const enclosure = child(item, 'enclosure');
    const url = enclosure?.attributes.get('url');
    const length = enclosure?.attributes.get('length') ?? '';
    need(isHttpUrl(url), `${label}: the enclosure url is not an absolute http(s) URL`);
    need(/^[1-9]\d*$/.test(length), `${label}: the enclosure length is not a positive whole number of bytes`);
    need(ENCLOSURE_TYPES.has(enclosure?.attributes.get('type') ?? ''), `${label}: the enclosure type is not one podcast apps play`);
    const size = url ? options.fileSize?.(url) : undefined;
    if (size !== undefined) need(Number(length) === size, `${label}: the enclosure length ${length} is not the file's ${size} bytes`);
    need(/^(?:\d+|(?:\d+:)?[0-5]?\d:[0-5]\d)$/.test(child(item, 'itunes:duration')?.text ?? ''), `${label}: <itunes:duration> is not seconds or [h:]mm:ss`);
    for (const transcript of children(item, 'podcast:transcript')) {
      need(isHttpUrl(transcript.attributes.get('url')), `${label}: the transcript url is not an absolute http(s) URL`);
      need(['text/vtt', 'application/x-subrip', 'application/json', 'text/html', 'text/plain'].includes(transcript.attributes.get('type') ?? ''), `${label}: the transcript type is unknown`);
    }
    const explicit = child(item, 'itunes:explicit')?.text;
    if (explicit !== undefined) need(['true', 'false'].includes(explicit), `${label}: <itunes:explicit> is not true or false`);
  });
  return problems;
}

/** What a WebVTT parser would refuse in `text`: the header, cue timings (`-->`, in order, end after start), unescaped markup. */
export function checkVtt(text: string): string[] {
  const problems: string[] = [];
  if (!/^(?:\uFEFF)?WEBVTT(?:[ \t][^\n]*)?\n\n/.test(text)) problems.push('no WEBVTT header followed by a blank line');
  const blocks = text.split(/\n{2,}/).slice(1).filter((block) => block.trim());
  let previous = -1;
  const time = (stamp: string): number => {
    const [h, m, s] = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d\.\d{3})$/.exec(stamp)?.slice(1) ?? [];
    return s === undefined ? NaN : Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  };
  blocks.forEach((block, i) => {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    const match = /^(\S+) --> (\S+)(?: .*)?$/.exec(lines[timing] ?? '');
    const start = time(match?.[1] ?? '');
    const end = time(match?.[2] ?? '');
    if (timing > 1 || !match || !Number.isFinite(start) || !Number.isFinite(end)) return void problems.push(`cue ${i + 1}: no valid timing line`);
    if (end <= start) problems.push(`cue ${i + 1} ends before it starts`);
    if (start < previous) problems.push(`cue ${i + 1} starts before the cue before it`);
    previous = start;
    const payload = lines.slice(timing + 1).join('\n');
    if (!payload.trim()) problems.push(`cue ${i + 1} has no text`);
    if (/-->/.test(payload) || /<(?![/]?[bciuv](?:[ .>]))/.test(payload) || /&(?!(?:amp|lt|gt|nbsp|lrm|rlm);)/.test(payload)) problems.push(`cue ${i + 1}: unescaped markup in its text`);
  });
  return problems;
}
