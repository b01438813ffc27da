// @vitest-environment happy-dom
/**
 * The playback controller alone, against fake engines made through its `engines` factory: what it asks of
 * an engine (and in which order) while the engine's module is still loading and after, where play starts,
 * the switch to speech when a recording fails, and how failures become the state and `listen-error`.
 * The real engines in a real browser: tests/browser (audio*, partial-audio, faults-*, real-speech).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/article/segment.js';
import type { Engine, EngineCore, EngineEvent, EngineKind, EngineListener, EngineLoadOptions } from '../../../src/engines/engine.js';
import type { EngineFactory, EngineRequest } from '../../../src/engines/loader.js';
import type { ListenErrorDetail } from '../../../src/player/events.js';
import { PlaybackController, type PlaybackOptions } from '../../../src/player/playback.js';

/** An engine that writes down what it is asked, and says what the test makes it say. */
class FakeEngine implements EngineCore {
  duration = 0;
  currentTime = 0;
  wordTiming = null;
  destroyed = false;
  readonly calls: string[] = [];
  readonly voices: string[] = [];

  constructor(
    readonly kind: EngineKind,
    readonly request: EngineRequest,
    readonly say: EngineListener,
  ) {}

  load(segments: readonly Segment[], options: EngineLoadOptions): Promise<void> {
    this.calls.push(`load ${segments.length} ${options.lang}`);
    return Promise.resolve();
  }
  play(): void {
    this.calls.push('play');
  }
  pause(): void {
    this.calls.push('pause');
  }
  seek(seconds: number): void {
    this.calls.push(`seek ${seconds}`);
  }
  skip(direction: -1 | 1): void {
    this.calls.push(`skip ${direction}`);
  }
  seekSegment(index: number): void {
    this.calls.push(`seekSegment ${index}`);
  }
  segmentStart(index: number): number {
    return index * 10;
  }
  setRate(rate: number): void {
    this.calls.push(`rate ${rate}`);
  }
  setVoice(name: string): void {
    this.calls.push(`voice ${name}`);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/**
 * A factory whose modules arrive when the test says: each request waits until `arrive()` (or `fail()`), unless
 * `ready` is set, when the engine is made at once (its module was loaded before).
 */
class Factory {
  readonly made: FakeEngine[] = [];
  readonly requests: EngineRequest[] = [];
  ready = false;
  readonly #waiting: { resolve: (engine: Engine) => void; reject: (error: unknown) => void; make: () => FakeEngine }[] = [];

  readonly engines: EngineFactory = (request, listener) => {
    this.requests.push(request);
    const make = () => {
      const engine = new FakeEngine(request.kind, request, listener);
      this.made.push(engine);
      return engine;
    };
    // Either kind: the player reads what only one kind can do through `kind` (none of it is faked here).
    if (this.ready) return make() as Engine;
    return new Promise<Engine>((resolve, reject) => this.#waiting.push({ resolve, reject, make }));
  };

  /** The oldest module asked for arrives; resolves once the engine had the calls kept for it. */
  async arrive(): Promise<FakeEngine> {
    const next = this.#waiting.shift()!;
    const engine = next.make();
    next.resolve(engine as Engine);
    await settle();
    return engine;
  }

  async fail(error = new TypeError('Failed to fetch dynamically imported module')): Promise<void> {
    this.#waiting.shift()!.reject(error);
    await settle();
  }
}

/** Lets promise callbacks run (the factory's, then the load's). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

type Host = ReactiveControllerHost & HTMLElement;

/** An element standing in for `<listen-player>`, connected: a controller added to it is connected at once. */
function makeHost(controllers: ReactiveController[]): Host {
  const host = Object.assign(document.createElement('div'), {
    addController: (controller: ReactiveController) => {
      controllers.push(controller);
      controller.hostConnected?.();
    },
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  }) as Host;
  document.body.append(host);
  return host;
}

let article: HTMLElement;
let factory: Factory;
let host: Host;
let controllers: ReactiveController[];
/** The `listen-error`s the controller fires itself (a fallback, a skipped paragraph). */
let errors: ListenErrorDetail[];
/**
 * The states and errors the store went through: the element reflects them as `state`, `listen-statechange` and
 * `listen-error` (src/ui/player-core.ts), not the controller.
 */
let states: string[];
let failures: { code: string; message: string }[];
let src: string;

function controller(options: Partial<PlaybackOptions> = {}): PlaybackController {
  const playback = new PlaybackController(host, {
    article: () => (article.isConnected ? article : null),
    src: () => src,
    loadOptions: () => ({ lang: 'en', rate: 1 }),
    highlight: () => 'paragraph',
    exclude: () => [],
    engines: factory.engines,
    ...options,
  });
  playback.store.subscribe((next, previous) => {
    if (next.state !== previous.state) states.push(next.state);
    if (next.error && next.error !== previous.error) failures.push({ ...next.error });
  });
  return playback;
}

beforeEach(() => {
  document.body.innerHTML = '<article><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p></article>';
  article = document.querySelector('article')!;
  factory = new Factory();
  src = '';
  controllers = [];
  host = makeHost(controllers);
  errors = [];
  states = [];
  failures = [];
  host.addEventListener('listen-error', (event) => errors.push((event as CustomEvent<ListenErrorDetail>).detail));
});

afterEach(() => {
  for (const controller of controllers) controller.hostDisconnected?.();
  document.body.innerHTML = '';
});

describe('PlaybackController: engines loaded by kind', () => {
  it('asks for the speech engine without a recording, and for the audio engine with its source with one', async () => {
    controller().prepare();
    src = '/audio/seed.json';
    controller().prepare();
    expect(factory.requests.map((request) => request.kind)).toEqual(['speech', 'audio']);
    expect(factory.requests[1]!.kind === 'audio' && factory.requests[1]!.options.src).toBe('/audio/seed.json');
  });

  it('keeps every request made while the engine loads and makes them on it in order once it arrives', async () => {
    const playback = controller();
    playback.play();
    playback.seek(12);
    playback.setRate(9);
    playback.playSegment(2);
    // Asked, not done: `loading` until the engine says it plays, and the time asked for meanwhile.
    expect(playback.snapshot.state).toBe('loading');
    expect(playback.engine?.currentTime).toBe(12);
    playback.pause();
    expect(playback.snapshot.state).toBe('paused');
    playback.skip(1);
    playback.setVoice('Anna');
    expect(factory.requests).toHaveLength(1);

    const engine = await factory.arrive();
    expect(engine.calls).toEqual(['load 5 en', 'play', 'seek 12', 'rate 3', 'seekSegment 2', 'play', 'pause', 'skip 1', 'voice Anna']);
    expect(playback.engine).toBe(engine);
    // After it arrived, requests go straight to it.
    playback.step(1);
    expect(engine.calls.at(-1)).toBe('seekSegment 3');
    engine.say({ type: 'playing' });
    expect(playback.snapshot.state).toBe('playing');
    expect(states).toEqual(['loading', 'paused', 'playing']);
  });

  it('is loading while the engine loads once the player is there, paused when paused meanwhile', async () => {
    const playback = controller();
    // Ahead of play (the element loads the engine as soon as it can): nothing is asked, nothing shown.
    playback.prepare();
    expect(playback.snapshot.state).toBe('idle');
    playback.playSegment(1);
    expect(playback.snapshot.state).toBe('loading');
    playback.toggle();
    expect(playback.snapshot.state).toBe('paused');
    playback.toggle();
    expect(playback.snapshot.state).toBe('loading');
    expect((await factory.arrive()).calls).toEqual(['load 5 en', 'seekSegment 1', 'play', 'pause', 'play']);
  });

  it('makes the engine at once when its module is there already', () => {
    factory.ready = true;
    const playback = controller();
    playback.play();
    expect(factory.made[0]!.calls).toEqual(['load 5 en', 'play']);
    expect(playback.engine).toBe(factory.made[0]);
  });

  it('drops what was kept when the engine is let go before it arrives, and lets the late engine go', async () => {
    const playback = controller();
    playback.play();
    playback.reset();
    const late = await factory.arrive();
    expect(late.calls).toEqual([]);
    expect(late.destroyed).toBe(true);
    expect(playback.engine).toBeNull();
    expect(playback.snapshot.state).toBe('idle');
  });
});

describe('PlaybackController: where play starts', () => {
  it('asks its start choices in their fixed order, whatever order they came in, and the first answer wins', async () => {
    const playback = controller();
    const asked: string[] = [];
    playback.startFrom('saved', () => (asked.push('saved'), { segment: 1 }));
    playback.startFrom('link', () => (asked.push('link'), { segment: 3 }));
    playback.startFrom('selection', () => (asked.push('selection'), null));
    playback.play();
    expect(asked).toEqual(['selection', 'link']);
    expect((await factory.arrive()).calls).toEqual(['load 5 en', 'seekSegment 3', 'play']);
  });

  it('a removed choice is not asked; playFrom and playSegment ask none', async () => {
    const playback = controller();
    const remove = playback.startFrom('selection', () => ({ segment: 4 }));
    playback.playFrom({ segment: 1 });
    playback.playSegment(2);
    remove();
    playback.play();
    expect((await factory.arrive()).calls).toEqual(['load 5 en', 'seekSegment 1', 'play', 'seekSegment 2', 'play', 'play']);
  });

  it('a time in the start point: bounded by the length once known, kept whole before', async () => {
    const playback = controller();
    playback.playFrom({ segment: 1, time: 95 });
    const engine = await factory.arrive();
    engine.duration = 40;
    playback.playFrom({ segment: 1, time: 95 });
    playback.playFrom({ segment: 9, time: 5 });
    expect(engine.calls).toEqual(['load 5 en', 'seek 95', 'play', 'seek 40', 'play', 'play']);
  });
});

describe('PlaybackController: the switch to speech', () => {
  it('an audio failure with a fallback: the audio engine goes, speech reads on from the same paragraph', async () => {
    src = '/audio/seed.json';
    const playback = controller();
    const changes: unknown[] = [];
    host.addEventListener('listen-enginechange', (event) => changes.push((event as CustomEvent).detail));
    playback.play();
    const audio = await factory.arrive();
    audio.say({ type: 'playing' });
    audio.say({ type: 'position', time: 21, segment: 2 });
    audio.say({ type: 'error', code: 'audio-load', message: 'The audio stopped arriving.', fallback: 'speech' });

    expect(audio.destroyed).toBe(true);
    expect(factory.requests.map((request) => request.kind)).toEqual(['audio', 'speech']);
    expect(errors).toEqual([{ code: 'audio-load', message: 'The audio stopped arriving.', fallback: 'speech' }]);
    expect(playback.notice).toBe("The audio stopped arriving. Reading with the browser's voice instead.");
    expect(playback.snapshot).toMatchObject({ engine: 'speech', engineReason: 'fallback' });
    expect(changes).toEqual([{ engine: 'speech', reason: 'fallback' }]);

    const speech = await factory.arrive();
    expect(speech.calls).toEqual(['load 5 en', 'seekSegment 2', 'play']);
    // The failed engine is not heard from again.
    audio.say({ type: 'ended' });
    expect(playback.snapshot.state).not.toBe('ended');
    speech.say({ type: 'playing' });
    expect(playback.snapshot.state).toBe('playing');
  });

  it('a paused recording that fails goes on paused with speech, at the paragraph asked for last', async () => {
    src = '/audio/seed.json';
    factory.ready = true;
    const playback = controller();
    playback.prepare();
    const audio = factory.made[0]!;
    playback.step(1);
    audio.say({ type: 'error', code: 'manifest-invalid', message: 'Bad manifest.', fallback: 'speech' });
    expect(factory.made[1]!.calls).toEqual(['load 5 en', 'seekSegment 1']);
  });

  it('speech failing on a paragraph the recording has no audio for is a notice, and no error state', async () => {
    src = '/audio/seed.json';
    factory.ready = true;
    const playback = controller();
    playback.play();
    const audio = factory.made[0]!;
    audio.say({ type: 'playing' });
    audio.say({ type: 'error', code: 'speech-failed', message: 'The voice failed.', fallback: 'audio' });
    expect(playback.snapshot.state).toBe('playing');
    expect(playback.notice).toBe('The voice failed. That paragraph was skipped.');
    expect(errors).toEqual([{ code: 'speech-failed', message: 'The voice failed.', fallback: 'audio' }]);
    expect(factory.made).toHaveLength(1);
  });
});

describe('PlaybackController: failures', () => {
  it('an engine module that cannot be loaded: player-load, the error state, and play tries again', async () => {
    const playback = controller();
    playback.play();
    playback.seek(3);
    await factory.fail();
    expect(playback.snapshot.state).toBe('error');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'player-load' });
    expect(failures[0]!.message).toMatch(/could not be loaded \(TypeError: Failed to fetch dynamically imported module\)/);

    playback.play();
    expect(playback.snapshot.state).toBe('loading');
    expect((await factory.arrive()).calls).toEqual(['load 5 en', 'play']);
  });

  it('an engine error without a fallback is the error state, with its code and message', async () => {
    factory.ready = true;
    const playback = controller();
    playback.play();
    factory.made[0]!.say({ type: 'error', code: 'no-speech', message: 'No voices.' });
    expect(playback.snapshot).toMatchObject({ state: 'error', error: { code: 'no-speech', message: 'No voices.' } });
    expect(failures).toEqual([{ code: 'no-speech', message: 'No voices.' }]);
    expect(errors).toEqual([]);
  });

  it('no article, or one with nothing to read: no-article, and no engine asked for', () => {
    article.remove();
    const playback = controller();
    playback.play();
    expect(playback.snapshot).toMatchObject({ state: 'error', error: { code: 'no-article' } });
    document.body.innerHTML = '<article><figure></figure></article>';
    article = document.querySelector('article')!;
    playback.play();
    expect(failures.map((error) => error.code)).toEqual(['no-article', 'no-article']);
    expect(failures[1]!.message).toBe('This article has no text to read.');
    expect(factory.requests).toEqual([]);
  });

  it('an error while idle (loading ahead of play) is marked as such for the status line', async () => {
    const playback = controller();
    playback.prepare();
    (await factory.arrive()).say({ type: 'error', code: 'no-speech', message: 'No voices.' } satisfies EngineEvent);
    expect(playback.snapshot).toMatchObject({ state: 'error', errorWhileIdle: true });
  });
});
