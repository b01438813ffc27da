// The demo page's entry: registers the player and wires the "Read by" switch (recorded audio or the
// browser's own voice). The page's styles come with it.
import '../define.js';
import './demo.css';

const player = document.querySelector('listen-player');
const manifest = player?.getAttribute('src') ?? '';

document.querySelector('.listen-source')?.addEventListener('change', (event) => {
  const choice = (event.target as HTMLInputElement).value;
  if (choice === 'speech') player?.removeAttribute('src');
  else player?.setAttribute('src', manifest);
});
