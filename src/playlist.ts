/**
 * Registers `<listen-playlist>`, and `<listen-player>`, which it drives. A page with a playlist adds this
 * script (`listen-playlist.js`); a page without one never loads it. Safe to load twice.
 */
import { ListenPlayer } from './define.js';
import { ListenPlaylist } from './playlist/listen-playlist.js';

if (!customElements.get('listen-playlist')) customElements.define('listen-playlist', ListenPlaylist);

export { ListenPlayer, ListenPlaylist };
