/**
 * Watching the page's Media Session as the browser sees it: the handlers the player sets (the API cannot read
 * them back), the position states it sends (checked by Chromium itself, which throws on invalid ones), and
 * the near-silent element it plays under Web Speech.
 */
import { onTestFinished, vi } from 'vitest';
import { SILENCE_URL } from '../../../src/player/silence.js';

export interface SessionSpy {
  /** The last handler set for each action (null once cleared). */
  readonly handlers: Map<MediaSessionAction, MediaSessionActionHandler | null>;
  /** Every position state sent, in order (undefined: cleared). */
  readonly positions: (MediaPositionState | undefined)[];
  /** What Chromium threw at the player's calls (an invalid position state, say): should stay empty. */
  readonly refused: unknown[];
  /** Calls the handler of `action` as the browser does when the reader presses a media key. */
  act(action: MediaSessionAction, details?: Omit<MediaSessionActionDetails, 'action'>): void;
}

/** Records what players do to `navigator.mediaSession` from now on (calls go through to the browser). */
export function spySession(): SessionSpy {
  const handlers = new Map<MediaSessionAction, MediaSessionActionHandler | null>();
  const positions: (MediaPositionState | undefined)[] = [];
  const refused: unknown[] = [];
  const { setActionHandler, setPositionState } = MediaSession.prototype;
  const through = <T>(call: () => T): T => {
    try {
      return call();
    } catch (error) {
      refused.push(error);
      throw error;
    }
  };
  const handlerSpy = vi
    .spyOn(MediaSession.prototype, 'setActionHandler')
    .mockImplementation(function (this: MediaSession, action, handler) {
      through(() => setActionHandler.call(this, action, handler));
      handlers.set(action, handler);
    });
  const positionSpy = vi
    .spyOn(MediaSession.prototype, 'setPositionState')
    .mockImplementation(function (this: MediaSession, state?: MediaPositionState) {
      through(() => setPositionState.call(this, state));
      positions.push(state && { ...state });
    });
  onTestFinished(() => {
    handlerSpy.mockRestore();
    positionSpy.mockRestore();
  });
  return {
    handlers,
    positions,
    refused,
    act(action, details = {}) {
      const handler = handlers.get(action);
      if (!handler) throw new Error(`No handler for "${action}".`);
      handler({ ...details, action });
    },
  };
}

/** The last position state sent. */
export function lastPosition(spy: SessionSpy): MediaPositionState | undefined {
  return spy.positions.at(-1);
}

/** Notes the near-silent element(s) players play under Web Speech, from now on. */
export function watchSilence(): () => HTMLMediaElement[] {
  const { play } = HTMLMediaElement.prototype;
  const elements = new Set<HTMLMediaElement>();
  const spy = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    if (this.src === SILENCE_URL) elements.add(this);
    return play.call(this);
  });
  onTestFinished(() => spy.mockRestore());
  return () => [...elements];
}

/** Takes the Media Session API away (an older browser) until the test finishes. */
export function withoutMediaSession(): void {
  Object.defineProperty(navigator, 'mediaSession', { value: undefined, configurable: true });
  vi.stubGlobal('MediaMetadata', undefined);
  onTestFinished(() => {
    Reflect.deleteProperty(navigator, 'mediaSession');
    vi.unstubAllGlobals();
  });
}
