/**
 * The defaults of the public CSS custom properties (`--listen-*`), read from the style sources, for the
 * Custom Elements Manifest: the fallback of each `var(--listen-x, fallback)`. A fallback that names a private
 * property (`var(--_accent-fg)`) is spelled out through it, down to the public properties it derives from
 * (`--listen-focus-ring` defaults to `var(--listen-accent)`).
 *
 * The light theme gives `default`; the dark theme's value, where it differs, is `dark`. Dark is a template
 * named `dark` (styles.ts interpolates it where dark applies) or a block under
 * `@media (prefers-color-scheme: dark)`.
 */
import type * as TS from 'typescript';

export interface CssDefault {
  readonly default: string;
  readonly dark?: string;
}

interface Found {
  /** Fallback of `var(--listen-x, …)` by public name. */
  readonly fallbacks: Map<string, string>;
  /** Value of each private `--_x: …;` declaration by name (first seen). */
  readonly privates: Map<string, string>;
}

/** Reads the template literals of `files` (TypeScript sources) and returns the defaults by property name. */
export function cssDefaults(ts: typeof TS, files: readonly { name: string; text: string }[]): Map<string, CssDefault> {
  const light: Found = { fallbacks: new Map(), privates: new Map() };
  const dark: Found = { fallbacks: new Map(), privates: new Map() };
  for (const { name, text } of files) {
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const visit = (node: TS.Node) => {
      if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        // Interpolations become a blank: what they hold (`${dark}`, a selector) is read where it is declared.
        const css = ts.isNoSubstitutionTemplateLiteral(node)
          ? node.text
          : [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
        readCss(css, /dark/i.test(declaredName(ts, node)), light, dark);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const defaults = new Map<string, CssDefault>();
  for (const [name, fallback] of light.fallbacks) {
    const value = spellOut(fallback, light.privates);
    const darkFallback = dark.fallbacks.get(name);
    const darkValue = darkFallback === undefined ? undefined : spellOut(darkFallback, new Map([...light.privates, ...dark.privates]));
    defaults.set(name, darkValue !== undefined && darkValue !== value ? { default: value, dark: darkValue } : { default: value });
  }
  return defaults;
}

/** The name of the variable a template is assigned to (`const dark = css\`…\``), or ''. */
function declaredName(ts: typeof TS, node: TS.Node): string {
  for (let at: TS.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) return at.name.text;
    if (ts.isStatement(at)) break;
  }
  return '';
}

/** Records the `var(--listen-…, fallback)`s and private declarations of `css`, each under light or dark. */
function readCss(css: string, allDark: boolean, light: Found, dark: Found): void {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Which blocks are dark: a stack of the open braces, each true under a dark media query.
  const open: boolean[] = [];
  let statementStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      const prelude = text.slice(statementStart, i);
      open.push((open.at(-1) ?? false) || /prefers-color-scheme\s*:\s*dark|theme\s*=\s*['"]?dark/.test(prelude));
      statementStart = i + 1;
    } else if (c === '}') {
      open.pop();
      statementStart = i + 1;
    } else if (c === ';') {
      const into = allDark || open.at(-1) ? dark : light;
      record(text.slice(statementStart, i), into);
      statementStart = i + 1;
    }
  }
  record(text.slice(statementStart), allDark || open.at(-1) ? dark : light);
}

function record(declaration: string, into: Found): void {
  const own = /^\s*(--_[\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(declaration);
  if (own && !into.privates.has(own[1]!)) into.privates.set(own[1]!, own[2]!);
  for (let at = declaration.indexOf('var(--listen-'); at !== -1; at = declaration.indexOf('var(--listen-', at + 1)) {
    const end = closingParen(declaration, at + 3);
    if (end === -1) continue;
    const inner = declaration.slice(at + 4, end);
    const comma = inner.indexOf(',');
    if (comma === -1) continue;
    const name = inner.slice(0, comma).trim();
    if (!into.fallbacks.has(name)) into.fallbacks.set(name, inner.slice(comma + 1).trim());
  }
}

/** Index of the `)` that closes the `(` at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * `value` with each `var(--_x)` replaced by what `--_x` is: a public property's `var(--listen-y, …)` becomes
 * `var(--listen-y)` (the page's value, or its own default); anything else is spelled out in turn.
 */
function spellOut(value: string, privates: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 8) return value;
  return value.replace(/var\((--_[\w-]+)\)/g, (whole, name: string) => {
    const definition = privates.get(name);
    if (definition === undefined) return whole;
    const publicVar = /^var\((--listen-[\w-]+)\s*,[\s\S]*\)$/.exec(definition);
    if (publicVar && closingParen(definition, 3) === definition.length - 1) return `var(${publicVar[1]})`;
    return spellOut(definition, privates, depth + 1);
  });
}
