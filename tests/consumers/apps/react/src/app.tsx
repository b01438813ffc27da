import { useRef, useState } from 'react';
import type { ListenPlayer, PlayerState } from 'listen-player';

export function App() {
  const player = useRef<ListenPlayer>(null);
  const [state, setState] = useState<PlayerState | ''>('');
  return (
    <main>
      <article id="story" lang="en">
        <h1>Rendered by React.</h1>
        <p>The player reads what the framework rendered.</p>
      </article>
      <listen-player
        ref={player}
        for="story"
        rate={1.5}
        highlight="word"
        no-follow
        onlisten-statechange={(event) => setState(event.detail.state)}
        onlisten-segmentchange={(event) => console.info('paragraph', event.detail.index, player.current?.segments[event.detail.index]?.text)}
      />
      <output id="state">{state}</output>
    </main>
  );
}
