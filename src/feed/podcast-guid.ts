/**
 * The Podcasting 2.0 `<podcast:guid>` of a feed: a UUID v5 of its URL without the scheme and trailing slashes, in
 * the podcast namespace (https://podcastindex.org/namespace/1.0, "guid"), so that every tool derives the same
 * identity for the same feed and directories can follow it when it moves.
 */
import { createHash } from 'node:crypto';

/** The podcast namespace's UUID, as the Podcasting 2.0 specification gives it. */
const PODCAST_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

export function podcastGuid(feedUrl: string): string {
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  const hash = createHash('sha1').update(Buffer.from(PODCAST_NAMESPACE.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
