/**
 * Word alignment between the article's text and a vendor's transcript of its audio. The two never agree
 * to the character (quotes, punctuation, "3" read as "three", a caption left out, an intro added), so
 * they are compared as sequences of normalised words, never by character offsets.
 *
 * The alignment is a patience diff: words that occur exactly once on both sides are matched in their
 * longest increasing run and become anchors; the stretches between anchors are aligned recursively, and a
 * stretch small enough is solved exactly (longest common subsequence by dynamic programming). That keeps a
 * 10 000-word article to milliseconds, and an added or dropped paragraph cannot pull the rest out of step.
 */

/** Stretches up to this many cells (n × m) are solved exactly; larger ones are split at anchors first. */
const EXACT_CELLS = 1_000_000;

const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`´]/g;
/** Anything that is not a letter, a mark or a digit in any script, after quotes are unified. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}']/gu;

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * The comparable form of a word: NFKC, lower-case, curly apostrophes made straight and every other
 * punctuation mark removed ("Don’t," → "don't", "ﬁnal" → "final"). Empty for a word of punctuation only.
 */
export function normaliseWord(word: string): string {
  return word.normalize('NFKC').toLocaleLowerCase('und').replace(APOSTROPHES, "'").replace(NOT_WORD, '').replace(/^'+|'+$/g, '');
}

/**
 * The tokens a normalised word is compared as. In English, a whole number below 1000 is also spelled out
 * ("25" → "twenty", "five"), since voices and transcripts write numbers either way; other words are one token.
 */
export function wordTokens(normalised: string, lang: string): string[] {
  if (normalised === '') return [];
  if (/^\d{1,3}$/.test(normalised) && (lang === '' || /^en\b/i.test(lang))) return spellNumber(Number(normalised));
  return [normalised];
}

function spellNumber(n: number): string[] {
  if (n < 20) return [ONES[n]!];
  if (n < 100) return n % 10 === 0 ? [TENS[n / 10]!] : [TENS[Math.floor(n / 10)]!, ONES[n % 10]!];
  const rest = n % 100;
  return [ONES[Math.floor(n / 100)]!, 'hundred', ...(rest === 0 ? [] : spellNumber(rest))];
}

/**
 * Matches `a` against `b`: returns, for each index of `a`, the index of `b` it is matched to, or −1.
 * Matched pairs are equal and strictly increasing on both sides.
 */
export function alignTokens(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  alignRange(a, b, 0, a.length, 0, b.length, match);
  return match;
}

function alignRange(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number, match: Int32Array): void {
  // Equal heads and tails cost nothing and are by far the commonest case.
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) match[a0++] = b0++;
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) match[--a1] = --b1;
  if (a0 >= a1 || b0 >= b1) return;
  if ((a1 - a0) * (b1 - b0) <= EXACT_CELLS) {
    exact(a, b, a0, a1, b0, b1, match);
    return;
  }
  const anchors = uniqueAnchors(a, b, a0, a1, b0, b1);
  if (anchors.length === 0) {
    // Nothing to anchor on and too large to solve exactly: texts this different fail the quality check.
    return;
  }
  let pa = a0;
  let pb = b0;
  for (const [i, j] of anchors) {
    alignRange(a, b, pa, i, pb, j, match);
    match[i] = j;
    pa = i + 1;
    pb = j + 1;
  }
  alignRange(a, b, pa, a1, pb, b1, match);
}

/** Pairs of positions of tokens found exactly once on each side, in their longest increasing run. */
function uniqueAnchors(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const count = new Map<string, { a: number; b: number; i: number; j: number }>();
  for (let i = a0; i < a1; i++) {
    const entry = count.get(a[i]!) ?? { a: 0, b: 0, i, j: -1 };
    entry.a++;
    count.set(a[i]!, entry);
  }
  for (let j = b0; j < b1; j++) {
    const entry = count.get(b[j]!);
    if (entry) {
      entry.b++;
      entry.j = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const entry of count.values()) if (entry.a === 1 && entry.b === 1) pairs.push([entry.i, entry.j]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** The longest run of `pairs` (sorted by the first index) whose second index increases (patience sorting). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const run: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) run.push(pairs[k]!);
  return run.reverse();
}

/** Longest common subsequence of a[a0..a1) and b[b0..b1), by dynamic programming over lengths. */
function exact(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number, match: Int32Array): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[a0 + i] === b[b0 + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      match[a0 + i] = b0 + j;
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
}
