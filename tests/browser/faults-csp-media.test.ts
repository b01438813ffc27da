/**
 * The page's CSP `media-src` is what guards the audio element against a redirect: the element follows
 * redirects itself, so an audio URL on the page's origin that answers `302` to another origin is refused by
 * the browser, not by the player. The player must then say `audio-load` (a file that could not be loaded),
 * not `audio-decode`, and read on with the browser's voice. In a file of its own: the policy stays on the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { placeDemo } from './helpers/audio.js';
import { record, untilState, unmount } from './helpers/player.js';

afterEach(unmount);

const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = "media-src 'self'";
document.head.append(policy);

describe('faults: CSP media-src', () => {
  it('audio redirected to another origin is refused by the policy; the player reports audio-load and reads on', async () => {
    useFakeSpeech();
    const violation = new Promise<SecurityPolicyViolationEvent>((resolve) =>
      document.addEventListener('securitypolicyviolation', resolve, { once: true }),
    );
    const player = placeDemo();
    player.setAttribute('src', '/__faults/redirect=audio/seed.json');
    const events = record(player);
    const failed = new Promise<void>((resolve) => player.addEventListener('listen-error', () => resolve(), { once: true }));
    await player.updateComplete;
    player.play();
    const refused = await violation;
    expect(refused.effectiveDirective).toBe('media-src');
    // Reported by the address asked for (the policy does not tell the page where a redirect went).
    expect(refused.blockedURI).toMatch(/\/__faults\/redirect%3Daudio\/seed\.(mp3|opus)$|\/__faults\/redirect=audio\/seed\.(mp3|opus)$/);
    await failed;
    expect(events.errors).toEqual([{ code: 'audio-load', message: 'The audio file could not be loaded.', fallback: 'speech' }]);
    await untilState(player, 'playing', 10_000);
    expect(player.activeEngine).toBe('speech');
  });
});
