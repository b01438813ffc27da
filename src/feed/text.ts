/**
 * Text from pages made safe for the files the feed writes: XML (the RSS feed), WebVTT and JSON pasted into a
 * `<script>` element. Page text is never markup here: every `<` and `&` is escaped, and what XML 1.0 cannot hold
 * at all (control characters, lone surrogates) is dropped, so a page cannot break the feed's well-formedness.
 */

/** Characters XML 1.0 does not allow in a document, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with runs of white space (line breaks included) as one space, trimmed, and no character XML refuses. */
export function plainText(text: string): string {
  return text.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
}

/** Escapes `text` for XML character data and attribute values (either quote). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside an HTML `<script type="application/ld+json">` as it is: `<`, `>` and `&` as
 * `\u` escapes, so no page text can close the script element; parses back to the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
