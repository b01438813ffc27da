/**
 * Resume with the seed recording in Chromium: the place is saved at the audio's exact time and resumed there
 * on the same recording; the same article read with the browser's voice (no recording, or it failed) resumes
 * at the same paragraph instead, since speech has no clock to match the recording's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { placeDemo, seedManifest } from './helpers/audio.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, clock, unmount, untilState, voicesListed } from './helpers/player.js';

afterEach(unmount);

function resumeButton(player: ListenPlayer): HTMLButtonElement | null {
  return player.shadowRoot!.querySelector('[part~="resume-button"]');
}

describe('resume on recorded narration', () => {
  it('resumes at the exact time on the same recording, and at the same paragraph with speech', async () => {
    const manifest = await seedManifest();
    const player = placeDemo();
    await player.updateComplete;
    await expect.poll(() => player.duration, { timeout: 5000 }).toBe(manifest.duration);
    player.seek(100.25);
    player.play();
    await untilState(player, 'playing');
    await expect.poll(() => player.currentTime, { timeout: 5000 }).toBeGreaterThan(100.6);
    player.pause();
    await untilState(player, 'paused');
    const at = player.currentTime;
    const segment = player.segmentIndex;
    expect(segment).toBe(manifest.segments.findLastIndex((entry) => entry.start <= at));
    document.body.replaceChildren();

    const back = placeDemo();
    await back.updateComplete;
    // Offered from the first render, before the manifest has arrived, and unchanged once it has.
    expect(resumeButton(back)!.textContent!.trim()).toBe(`Resume at ${clock(at)}`);
    await expect.poll(() => back.duration, { timeout: 5000 }).toBe(manifest.duration);
    await back.updateComplete;
    expect(resumeButton(back)!.textContent!.trim()).toBe(`Resume at ${clock(at)}`);
    await userEvent.click(resumeButton(back)!);
    await untilState(back, 'playing');
    // howler reports the position it was sent to until the element's clock moves on from it.
    expect(back.currentTime).toBeGreaterThanOrEqual(at - 0.05);
    expect(back.currentTime).toBeLessThan(at + 0.5);
    back.pause();
    await untilState(back, 'paused');
    const second = back.currentTime;
    document.body.replaceChildren();

    // The same article with the browser's voice: the recording's time means nothing to it; its paragraph does.
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const spoken = placeDemo();
    spoken.removeAttribute('src');
    await spoken.updateComplete;
    await voicesListed(spoken);
    await expect.poll(() => resumeButton(spoken)).not.toBeNull();
    expect(spoken.activeEngine).toBe('speech');
    expect(manifest.segments.findLastIndex((entry) => entry.start <= second)).toBe(segment);
    await userEvent.click(resumeButton(spoken)!);
    await untilState(spoken, 'playing');
    expect(spoken.segmentIndex).toBe(segment);
    expect(spoken.segments[segment]!.text).toContain(fake.current!.text);
  });
});
