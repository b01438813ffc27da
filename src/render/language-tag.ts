/**
 * Whether `tag` is a language tag the commands accept (`en`, `pt-BR`, `zh-Hant-TW`): letters, digits and hyphens
 * only, so it is also safe to put in markup and XML as it is.
 */
export function isLanguageTag(tag: string): boolean {
  return /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(tag);
}
