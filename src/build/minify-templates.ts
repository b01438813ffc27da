/**
 * Minifies the text of Lit's templates in our sources at build time. The bundler minifies JavaScript but
 * leaves template text as it is: the player's styles were a third of its bundle.
 * - css`…`: comments out, and only the whitespace CSS never needs (around braces, semicolons and commas, after
 *   a colon; never before a colon, where it is a descendant combinator).
 * - html`…` and svg`…`: each run of whitespace that spans lines becomes one space, as HTML renders it anyway
 *   (the templates have no `<pre>`); whitespace within a line is kept.
 * Only the literal text is changed: every `${…}` is kept as written, except for templates nested in it.
 */
import type { Plugin } from 'vite';

/** CSS text, or a piece of it between interpolations (then a space at either end is kept, as one space). */
export function minifyCssText(text: string, whole = true): string {
  const minified = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
  return whole ? minified.trim() : minified;
}

export function minifyMarkupText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

const TAGGED = /\b(css|html|svg)`/g;

/** `code` with the text of every css, html and svg template minified. */
export function minifyTemplates(code: string): string {
  let out = '';
  let at = 0;
  TAGGED.lastIndex = 0;
  for (let match = TAGGED.exec(code); match; match = TAGGED.exec(code)) {
    if (match.index < at) continue;
    const start = match.index + match[0].length;
    const { parts, end } = readTemplate(code, start);
    const css = match[1] === 'css';
    const body = parts
      .map((part) =>
        part.expression ? `\${${minifyTemplates(part.text)}}` : css ? minifyCssText(part.text, parts.length === 1) : minifyMarkupText(part.text),
      )
      .join('');
    out += code.slice(at, start) + body + '`';
    at = end + 1;
    TAGGED.lastIndex = at;
  }
  return out + code.slice(at);
}

interface Part {
  readonly text: string;
  readonly expression: boolean;
}

/** The literal texts and `${…}` expressions of the template starting at `start`, and the index of its closing backtick. */
function readTemplate(code: string, start: number): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let text = '';
  let i = start;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      parts.push({ text, expression: false });
      return { parts, end: i };
    } else if (c === '$' && code[i + 1] === '{') {
      parts.push({ text, expression: false });
      text = '';
      const end = skipExpression(code, i + 2);
      parts.push({ text: code.slice(i + 2, end), expression: true });
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  throw new Error('Unterminated template literal.');
}

/** Index of the `}` closing the expression that starts at `i`, skipping strings, comments and nested templates. */
function skipExpression(code: string, i: number): number {
  let depth = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '}' && depth === 0) return i;
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '`') {
      i = readTemplate(code, i + 1).end;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
    } else if (c === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 1;
    }
    i++;
  }
  throw new Error('Unterminated template expression.');
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'listen:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
