// The demo page's entry: registers the player and wires the "Read by" switch (recorded audio or the
// browser's own voice). The page links its styles itself (index.html), so they apply before the first layout.
import { ListenPlayer } from '../define.js';

const found = document.querySelector('listen-player');
const player = found instanceof ListenPlayer ? found : null;
const manifest = player?.getAttribute('src') ?? '';

document.querySelector('.listen-source')?.addEventListener('change', (event) => {
  const choice = (event.target as HTMLInputElement).value;
  if (choice === 'speech') player?.removeAttribute('src');
  else player?.setAttribute('src', manifest);
});

// The page's Core Web Vitals panel comes after load, in a chunk of its own: it is not what the page needs to play.
const showVitals = () => import('./vitals.js').then((vitals) => vitals.showVitals(), () => {});
if (document.readyState === 'complete') void showVitals();
else addEventListener('load', () => void showVitals(), { once: true });
