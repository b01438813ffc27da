/**
 * A short, stable fingerprint of a segment's normalised text. The render command stores one per segment
 * in the timing manifest; the player computes the same from the page to tell whether the audio still
 * matches the article (an edited paragraph must not be highlighted against stale timings).
 *
 * Pure, synchronous and dependency-free on purpose: it runs in the browser's frame budget on plain-HTTP
 * pages too, where `crypto.subtle` does not exist. Not a cryptographic hash: it detects edits, it does
 * not resist forgery (a page that forges its own manifest only fools itself).
 *
 * Format (frozen: changing it invalidates every manifest ever rendered): 14 lowercase hex digits, 53 bits,
 * computed over the string's UTF-16 code units. Two independent 32-bit multiplicative lanes (an FNV-1a
 * lane and a second lane with its own seed and multiplier) are folded together by a final avalanche; the
 * top 21 bits of one and all 32 of the other make the result (53 bits: still exact as a JS number, should
 * anyone want it as one).
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5; // FNV-1a 32-bit offset basis
  let b = 0x2545f491 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193); // FNV-1a 32-bit prime
    b = Math.imul(b ^ unit, 0x9e3779b1); // odd golden-ratio multiplier
    b ^= b >>> 15;
  }
  a = avalanche(a ^ Math.imul(b, 0x85ebca6b));
  b = avalanche(b ^ Math.imul(a, 0xc2b2ae35));
  const high = (b >>> 11).toString(16).padStart(6, '0');
  const low = (a >>> 0).toString(16).padStart(8, '0');
  return high + low;
}

/** Spreads every input bit over the whole word (the 32-bit finaliser of MurmurHash3's design). */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
