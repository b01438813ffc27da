/**
 * Fetches a pronunciation lexicon for the player (`lexicon="/pronunciations.json"`): an http(s) URL on the
 * page's origin unless the player allows others (the rule `src` follows), a successful answer that is not a web
 * page, at most `LEXICON_MAX_CHARS` long, JSON or PLS. Every failure is a `LexiconError` saying what went wrong;
 * the engine reports it and reads without the lexicon. One request per URL and page, however many players use it.
 */
import { isPls, LEXICON_MAX_CHARS, LexiconError, parseLexiconJson, type Lexicon } from './lexicon.js';

export interface FetchLexiconOptions {
  readonly allowCrossOrigin?: boolean | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/** Lexicons asked for on this page, by URL: failed ones are forgotten, so a later load tries again. */
const requests = new Map<string, Promise<Lexicon>>();

export function fetchLexicon(src: string, options: FetchLexiconOptions = {}): Promise<Lexicon> {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return Promise.reject(new LexiconError(`The pronunciation lexicon URL is not valid: ${src}`));
  }
  let request = requests.get(url.href);
  if (!request) {
    request = load(url, options);
    requests.set(url.href, request);
    request.catch(() => requests.delete(url.href));
  }
  return request;
}

async function load(url: URL, options: FetchLexiconOptions): Promise<Lexicon> {
  refuse(url, options, false);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { credentials: 'same-origin' });
  } catch {
    throw new LexiconError('The pronunciation lexicon could not be loaded (network error).');
  }
  if (!response.ok) throw new LexiconError(`The pronunciation lexicon could not be loaded (HTTP ${response.status}).`);
  refuse(new URL(response.url || url.href), options, true);
  // A host answering a missing file with its web page (status 200) is not a lexicon.
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
    throw new LexiconError('The pronunciation lexicon was not found (the server sent a web page).');
  }
  const declared = Number(response.headers.get('content-length'));
  // Bytes are at least as many as characters: a file declared larger than the cap is refused unread.
  if (declared > LEXICON_MAX_CHARS * 4) throw new LexiconError(`The pronunciation lexicon is too large (${declared} bytes).`);
  const text = await readCapped(response);
  try {
    // The PLS reader loads only for a PLS file: most lexicons are JSON.
    return isPls(text) ? (await import('./pls.js')).parsePls(text) : parseLexiconJson(text);
  } catch (error) {
    throw new LexiconError(`The pronunciation lexicon could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** The body as text, stopping as soon as it is longer than a lexicon may be (an endless or huge answer). */
async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new LexiconError('The pronunciation lexicon could not be loaded (network error).');
    }
    if (chunk.done) return text + decoder.decode();
    text += decoder.decode(chunk.value, { stream: true });
    if (text.length > LEXICON_MAX_CHARS) {
      void reader.cancel();
      throw new LexiconError(`The pronunciation lexicon is too large (more than ${LEXICON_MAX_CHARS} characters).`);
    }
  }
}

/**
 * The rule `src` follows (see `manifestUrlRefusal`), written out again: importing it from the module that loads
 * before play would add an export to what every page downloads.
 */
function refuse(url: URL, options: FetchLexiconOptions, redirected: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LexiconError(`The pronunciation lexicon must be an http(s) URL, not ${url.protocol}`);
  }
  if (!options.allowCrossOrigin && url.origin !== location.origin) {
    throw new LexiconError(`The pronunciation lexicon ${redirected ? 'was redirected to' : 'is on'} another origin (${url.origin}).`);
  }
}
