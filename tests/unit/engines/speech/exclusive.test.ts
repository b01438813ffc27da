/**
 * The speech engine shares the page's one `speechSynthesis` queue with other players, the page's own script
 * and other widgets: it cancels the synthesiser only while an utterance of its own is in it, and someone
 * else's `cancel()` pauses it without a `cancel()` of its own.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { FakeUtterance } from '../../../fakes/speech-synthesis.js';
import { segments, setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';

const S1 = 'The council met on Monday.';
const S2 = 'It voted to keep the library.';
const ARTICLE = segments(`${S1} ${S2}`);
/** Another speaker on the page: 30 characters, 3 s at the fake's 10 characters a second. */
const OTHER = 'Breaking news from another app.';

function states(events: readonly EngineEvent[]): string[] {
  return events.map((event) => event.type).filter((type) => type === 'loading' || type === 'playing' || type === 'paused');
}

/** An engine speaking S1, with every `cancel()` on the synthesiser counted. */
async function speaking() {
  const context = setupSpeech({ charsPerSecond: 10 });
  await context.engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
  context.engine.play();
  await vi.advanceTimersByTimeAsync(1);
  expect(context.synth.current?.text).toBe(S1);
  const cancel = vi.spyOn(context.synth, 'cancel');
  return { ...context, cancel };
}

/** What became of the other speaker's utterance. */
function otherOutcome(synth: { log: readonly { text: string; outcome: string }[] }): string | undefined {
  return synth.log.find((entry) => entry.text === OTHER)?.outcome;
}

useFakeClock();

describe('SpeechEngine on a shared synthesiser', () => {
  it('pauses on an external interruption without cancelling the speech that interrupted it', async () => {
    const { synth, engine, events, cancel } = await speaking();
    events.length = 0;
    // Another player or widget: cancel whatever is speaking, then speak.
    synth.cancel();
    synth.speak(new FakeUtterance(OTHER));
    cancel.mockClear();
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events)).toEqual(['paused']);
    expect(engine.currentTime).toBe(0); // the interrupted sentence is where it resumes
    expect(cancel).not.toHaveBeenCalled();
    expect(synth.current?.text).toBe(OTHER);
    // Pausing again (the player's own pause after the interruption) still leaves the other speech alone.
    engine.pause();
    await vi.advanceTimersByTimeAsync(3100);
    expect(cancel).not.toHaveBeenCalled();
    expect(otherOutcome(synth)).toBe('ended');
    expect(synth.texts).toEqual([S1, OTHER]);
  });

  it('an utterance cancelled while queued (canceled) is a pause too, without a cancel of its own', async () => {
    const { synth, engine, events } = setupSpeech({ charsPerSecond: 10 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    synth.speak(new FakeUtterance('Someone else speaks first.'));
    engine.play(); // S1 waits behind it
    await vi.advanceTimersByTimeAsync(1);
    const cancel = vi.spyOn(synth, 'cancel');
    synth.cancel(); // the other speaker stops everything and speaks again
    synth.speak(new FakeUtterance(OTHER));
    cancel.mockClear();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.log.find((entry) => entry.text === S1)?.outcome).toBe('canceled');
    expect(states(events).at(-1)).toBe('paused');
    expect(cancel).not.toHaveBeenCalled();
    expect(synth.current?.text).toBe(OTHER);
  });

  it('pause cancels its own utterance while it speaks', async () => {
    const { synth, engine, cancel } = await speaking();
    engine.pause();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(synth.speaking).toBe(false);
    expect(synth.log[0]?.outcome).toBe('interrupted');
  });

  it('pause cancels its own utterance while it is queued behind another speaker', async () => {
    const setup = setupSpeech({ charsPerSecond: 10 });
    const { synth, engine, events } = setup;
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    synth.speak(new FakeUtterance(OTHER));
    const cancel = vi.spyOn(synth, 'cancel');
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.current?.text).toBe(OTHER);
    expect(synth.pending).toBe(true); // S1 waits behind it
    expect(cancel).not.toHaveBeenCalled(); // starting did not silence the other speaker
    engine.pause();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(synth.log.find((entry) => entry.text === S1)?.outcome).toBe('canceled');
    expect(states(events).at(-1)).toBe('paused');
  });

  it('pause, destroy and a change of rate leave alone speech that is not its own', async () => {
    const { synth, engine, cancel } = await speaking();
    engine.pause();
    cancel.mockClear();
    synth.speak(new FakeUtterance(OTHER));
    await vi.advanceTimersByTimeAsync(1);
    engine.pause();
    engine.setRate(1.5);
    engine.seek(0);
    engine.destroy();
    expect(cancel).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3100);
    expect(otherOutcome(synth)).toBe('ended');
  });

  it('moving to its next sentence does not cancel speech queued by someone else meanwhile', async () => {
    const { synth, engine, events, cancel } = await speaking();
    // Queued behind S1 without a cancel: the synthesiser speaks it when S1 ends.
    synth.speak(new FakeUtterance(OTHER));
    await vi.advanceTimersByTimeAsync(synth.durationOf(S1) + 1);
    expect(cancel).not.toHaveBeenCalled();
    expect(synth.current?.text).toBe(OTHER);
    // Ours waits its turn, then goes on.
    await vi.advanceTimersByTimeAsync(synth.durationOf(OTHER) + synth.durationOf(S2) + 10);
    expect(synth.texts).toEqual([S1, OTHER, S2]);
    expect(synth.log.map((entry) => entry.outcome)).toEqual(['ended', 'ended', 'ended']);
    expect(events.at(-1)).toEqual({ type: 'ended' });
    engine.destroy();
  });
});
