/**
 * Which key presses are the player's shortcuts (see `shortcuts.ts`, which acts on them): before play too, so
 * the element can take a shortcut pressed before the rest of the player is there, and keep it from the page.
 */

/**
 * The shortcut `event` is (its `key`), or null: a key with a modifier, one a menu keeps (typing selects a voice),
 * Space on a button (it presses itself), or no shortcut at all.
 */
export function shortcutKey(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  const tag = (event.composedPath()[0] as Element | undefined)?.localName;
  if (tag === 'select' || (event.key === ' ' && tag === 'button')) return null;
  return /^([ kpnl<>]|Arrow(Left|Right)|Page(Up|Down))$/i.test(event.key) ? event.key : null;
}
