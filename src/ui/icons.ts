import { svg } from 'lit';

// Material-style glyphs drawn on a 24×24 grid; decorative (buttons carry their own labels). One template for
// all, so its markup is in the bundle once.
const icon = (path: string) => svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;

export const playIcon = icon('M8 5.14v13.72a1 1 0 0 0 1.5.86l10.2-6.86a1 1 0 0 0 0-1.72L9.5 4.28A1 1 0 0 0 8 5.14z');
export const pauseIcon = icon('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z');
export const retryIcon = icon('M12 5V2L7.5 6.5 12 11V7.5a5 5 0 1 1-5 5H4.5A7.5 7.5 0 1 0 12 5z');
export const previousIcon = icon('M6 6h2v12H6zm3.5 6 8.5 6V6z');
export const nextIcon = icon('M6 18l8.5-6L6 6v12zM16 6v12h2V6z');

/** Opens the list of paragraphs to play from. */
export const listIcon = icon('M3 5h12v2H3zm0 6h12v2H3zm0 6h8v2H3zm13 0v-6l5 3z');
