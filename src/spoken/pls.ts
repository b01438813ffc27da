/**
 * W3C Pronunciation Lexicon Specification (PLS 1.0) files, as TTS vendors accept them:
 *
 * ```xml
 * <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">
 *   <lexeme><grapheme>NATO</grapheme><alias>Nay-toe</alias></lexeme>
 * </lexicon>
 * ```
 *
 * Only `<alias>` says what to say: a browser's voice takes text, not phonemes, so a lexeme with `<phoneme>`s
 * alone is left out. Read by a small scanner of its own rather than `DOMParser`, which is not in Node and
 * expands entities: a `<!DOCTYPE>` (where entities are declared, and "billion laughs" live) is refused, only
 * XML's five named entities and character references are known, and every character is looked at a bounded
 * number of times, so the time is linear in the size (itself capped).
 *
 * Not standard, and ignored by others: `case="sensitive"` on a `<lexeme>` (PLS leaves case to the processor;
 * here it is insensitive unless a lexeme says so).
 */
import { checkCount, checkEntry, checkSize, isPls, Lexicon, LexiconError, parseLexiconJson, type LexiconEntry } from './lexicon.js';

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A start or end tag, as the scanner meets it. */
interface Tag {
  readonly name: string;
  readonly end: boolean;
  readonly attributes: ReadonlyMap<string, string>;
}

export function parsePls(text: string): Lexicon {
  checkSize(text);
  const entries: LexiconEntry[] = [];
  let rootLang: string | undefined;
  let sawRoot = false;
  /** Inside a `<lexeme>`: its graphemes, first alias, and case rule. */
  let lexeme: { graphemes: string[]; alias: string | undefined; case: string | undefined; count: number } | null = null;
  /** The element whose text is being collected (grapheme or alias), and the text so far. */
  let collecting: { name: string; text: string } | null = null;
  let depth = 0;

  for (let at = 0; at < text.length; ) {
    const open = text.indexOf('<', at);
    const chunk = text.slice(at, open < 0 ? text.length : open);
    if (collecting) collecting.text += decode(chunk);
    else if (depth === 0 && chunk.trim() && chunk.trim() !== '\uFEFF') throw new LexiconError('PLS: text outside the <lexicon> element');
    if (open < 0) break;

    if (text.startsWith('<!--', open)) {
      at = skipTo(text, open + 4, '-->');
    } else if (text.startsWith('<?', open)) {
      at = skipTo(text, open + 2, '?>');
    } else if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open + 9);
      if (close < 0) throw new LexiconError('PLS: unclosed CDATA section');
      if (collecting) collecting.text += text.slice(open + 9, close);
      at = close + 3;
    } else if (text.startsWith('<!', open)) {
      throw new LexiconError('PLS: a DOCTYPE or entity declaration is not allowed');
    } else {
      const close = tagEnd(text, open + 1);
      const body = text.slice(open + 1, close);
      at = close + 1;
      const selfClosing = body.endsWith('/');
      const tag = parseTag(selfClosing ? body.slice(0, -1) : body);
      const name = localName(tag.name);
      if (tag.end) {
        depth--;
        if (depth < 0) throw new LexiconError(`PLS: </${tag.name}> closes nothing`);
        if (collecting && name === collecting.name) {
          const value = collecting.text;
          if (lexeme && name === 'grapheme') lexeme.graphemes.push(value);
          else if (lexeme && name === 'alias') lexeme.alias ??= value;
          collecting = null;
        } else if (name === 'lexeme' && lexeme) {
          if (lexeme.alias !== undefined) {
            for (const grapheme of lexeme.graphemes) {
              checkCount(entries.length + 1);
              entries.push(checkEntry(grapheme, lexeme.alias, lexeme.case, rootLang, `lexeme ${lexeme.count}`));
            }
          }
          lexeme = null;
        }
        continue;
      }
      if (depth === 0) {
        if (sawRoot || name !== 'lexicon') throw new LexiconError('PLS: the document must be one <lexicon> element');
        sawRoot = true;
        rootLang = tag.attributes.get('xml:lang');
      } else if (name === 'lexeme') {
        if (lexeme) throw new LexiconError('PLS: a <lexeme> inside a <lexeme>');
        lexeme = { graphemes: [], alias: undefined, case: tag.attributes.get('case'), count: entries.length + 1 };
      } else if (lexeme && (name === 'grapheme' || name === 'alias') && !collecting && !selfClosing) {
        collecting = { name, text: '' };
      }
      if (!selfClosing) depth++;
    }
  }
  if (!sawRoot) throw new LexiconError('PLS: no <lexicon> element');
  if (depth !== 0) throw new LexiconError('PLS: the document ends inside an element');
  return new Lexicon(entries);
}

function skipTo(text: string, from: number, end: string): number {
  const close = text.indexOf(end, from);
  if (close < 0) throw new LexiconError(`PLS: a comment or declaration is not closed with ${end}`);
  return close + end.length;
}

/** The `>` that ends the tag starting at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i;
    } else if (char === '<') {
      break;
    }
  }
  throw new LexiconError('PLS: a tag is not closed');
}

const NAME = /^[\p{L}_:][\p{L}\p{N}_:.-]*$/u;
/** One attribute at the start of what is left of a tag: name, `=`, quoted value (no nested quantifiers). */
const ATTRIBUTE = /^\s*([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function parseTag(body: string): Tag {
  const end = body.startsWith('/');
  let rest = end ? body.slice(1) : body;
  const nameEnd = rest.search(/\s|$/);
  const name = rest.slice(0, nameEnd);
  if (!NAME.test(name)) throw new LexiconError(`PLS: "<${body.slice(0, 40)}" is not a tag`);
  rest = rest.slice(nameEnd);
  const attributes = new Map<string, string>();
  while (rest.trim()) {
    const match = ATTRIBUTE.exec(rest);
    if (!match || end) throw new LexiconError(`PLS: bad attributes in <${name}>`);
    attributes.set(match[1]!, decode(match[2] ?? match[3] ?? ''));
    rest = rest.slice(match[0].length);
  }
  return { name, end, attributes };
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Text with XML's five named entities and character references replaced; any other `&…;` is an error. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,10});/g, (whole, ref: string) => {
    if (Object.prototype.hasOwnProperty.call(NAMED, ref)) return NAMED[ref]!;
    const code = /^#x[0-9a-f]{1,6}$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
    throw new LexiconError(`PLS: unknown entity ${whole.slice(0, 20)}`);
  });
}

/** A lexicon file of either kind: PLS (`isPls`), else JSON. */
export function parseLexicon(text: string): Lexicon {
  checkSize(text);
  return isPls(text) ? parsePls(text) : parseLexiconJson(text);
}
