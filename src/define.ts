/** Registers `<listen-player>`. Safe to load twice (two bundles, or a script included twice). */
import { ListenPlayer } from './ui/listen-player.js';

if (!customElements.get('listen-player')) customElements.define('listen-player', ListenPlayer);

export { ListenPlayer };
