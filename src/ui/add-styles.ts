/**
 * Adds the styles of a part of the UI that loads after the player (the mini player's bar, the paragraph list)
 * to the player's shadow root, after those already there.
 */
import { adoptStyles, type CSSResult } from 'lit';

export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  // A constructed sheet where the browser adopts them (allowed by a strict CSP); else Lit appends a <style>.
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [styles]);
}
