/**
 * Counts what the player's code leaves behind on the page: event listeners on targets that outlive it (the
 * window, the document, the article, media elements and other non-DOM targets), and pending timers, intervals
 * and animation frames. Installed before the player is created, undone when the test finishes. Only what the
 * project's sources (or howler, which they drive) register is counted, told by the call stack, so the test
 * runner's own listeners and timers never count.
 */
import { onTestFinished } from 'vitest';

export interface Listener {
  readonly target: EventTarget;
  readonly type: string;
  readonly where: string;
}

export interface Ledger {
  /** Listeners added and not removed, on targets other than detached DOM nodes (those go with the node). */
  listeners(): Listener[];
  /** Timers set and neither fired nor cleared. */
  timeouts(): string[];
  intervals(): string[];
  frames(): string[];
}

/** The player's code: its sources as the test server serves them, and howler. */
function fromPlayer(stack: string): boolean {
  return /\/src\/(?:article|engines|player|ui)\/|howler/.test(stack);
}

/** The first frame of the player's code, to name a leak. */
function where(stack: string): string {
  return stack.split('\n').find((line) => fromPlayer(line))?.trim() ?? '?';
}

type Options = boolean | AddEventListenerOptions | EventListenerOptions | undefined;
const capture = (options: Options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));

/** Starts counting; `ignore` leaves out targets that are garbage once dropped (a fake's utterances). */
export function ledger(ignore: (target: EventTarget) => boolean = () => false): Ledger {
  const listeners = new Map<EventTarget, Map<string, Listener>>();
  const keyOf = (type: string, options: Options) => `${type}\u0000${capture(options)}`;
  const ids = new WeakMap<object, number>();
  let next = 0;
  const id = (listener: object) => {
    if (!ids.has(listener)) ids.set(listener, next++);
    return ids.get(listener)!;
  };

  type Add = EventTarget['addEventListener'];
  const plainAdd = EventTarget.prototype.addEventListener;
  type Remove = EventTarget['removeEventListener'];
  const counting = (add: Add): Add =>
    function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: Options) {
      const stack = new Error().stack ?? '';
      if (listener && fromPlayer(stack) && !ignore(this)) {
        const own = listeners.get(this) ?? new Map<string, Listener>();
        listeners.set(this, own);
        const key = `${keyOf(type, options)}\u0000${id(listener)}`;
        own.set(key, { target: this, type, where: where(stack) });
        const signal = typeof options === 'object' && 'signal' in options ? options.signal : undefined;
        // Through the unpatched method: this bookkeeping is not the player's.
        if (signal) plainAdd.call(signal, 'abort', () => own.delete(key), { once: true });
      }
      return add.call(this, type, listener, options);
    };
  const uncounting = (remove: Remove): Remove =>
    function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: Options) {
      if (listener) listeners.get(this)?.delete(`${keyOf(type, options)}\u0000${id(listener)}`);
      return remove.call(this, type, listener, options);
    };

  // The prototype's methods, and the window's own where the test runner wrapped them.
  const patched = [EventTarget.prototype, ...(Object.hasOwn(window, 'addEventListener') ? [window] : [])].map((target) => {
    const { addEventListener, removeEventListener } = target;
    target.addEventListener = counting(addEventListener);
    target.removeEventListener = uncounting(removeEventListener);
    return () => Object.assign(target, { addEventListener, removeEventListener });
  });

  const timeouts = new Map<number, string>();
  const intervals = new Map<number, string>();
  const frames = new Map<number, string>();
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop } = window;
  const { requestAnimationFrame: frame, cancelAnimationFrame: cancelFrame } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const stack = new Error().stack ?? '';
    if (typeof handler !== 'function' || !fromPlayer(stack)) return set(handler, ms, ...args);
    const timer = set(() => {
      timeouts.delete(timer);
      (handler as (...a: unknown[]) => void)(...args);
    }, ms);
    timeouts.set(timer, where(stack));
    return timer;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((timer?: number) => {
    if (timer !== undefined) timeouts.delete(timer);
    clear(timer);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const timer = every(handler, ms, ...args);
    const stack = new Error().stack ?? '';
    if (fromPlayer(stack)) intervals.set(timer, where(stack));
    return timer;
  }) as typeof window.setInterval;
  window.clearInterval = ((timer?: number) => {
    if (timer !== undefined) intervals.delete(timer);
    stop(timer);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const stack = new Error().stack ?? '';
    const handle = frame((time) => {
      frames.delete(handle);
      callback(time);
    });
    if (fromPlayer(stack)) frames.set(handle, where(stack));
    return handle;
  };
  window.cancelAnimationFrame = (handle: number) => {
    frames.delete(handle);
    cancelFrame(handle);
  };

  onTestFinished(() => {
    for (const restore of patched) restore();
    Object.assign(window, {
      setTimeout: set,
      clearTimeout: clear,
      setInterval: every,
      clearInterval: stop,
      requestAnimationFrame: frame,
      cancelAnimationFrame: cancelFrame,
    });
  });

  const outlives = (target: EventTarget) => !(target instanceof Node) || target.isConnected || target === document;
  return {
    listeners: () => [...listeners.values()].flatMap((own) => [...own.values()]).filter((entry) => outlives(entry.target)),
    timeouts: () => [...timeouts.values()],
    intervals: () => [...intervals.values()],
    frames: () => [...frames.values()],
  };
}

/** A leak as a line of a test failure: what and where it was registered. */
export function describeListener(entry: Listener): string {
  const target = entry.target;
  const name = target instanceof Node ? target.nodeName : (target.constructor?.name ?? 'EventTarget');
  return `${name} ${entry.type} ← ${entry.where}`;
}
