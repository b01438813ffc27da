/**
 * Keyboard shortcuts while focus is anywhere in the player. A controller: it listens on the host from
 * connect to disconnect. Menus keep their own keys (typing selects a voice), buttons keep Space and Enter
 * (`shortcut-keys.ts`). It comes with the rest of the player; the element hands it what was pressed before.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { shortcutKey } from './shortcut-keys.js';

export interface ShortcutActions {
  toggle(): void;
  /** Skip back/forward (audio 15 s, speech one sentence). */
  skip(direction: -1 | 1): void;
  /** Previous/next paragraph; with `chapter`, previous/next chapter (the article's headings). */
  step(direction: -1 | 1, chapter?: boolean): void;
  /**
   * Whether the article has chapters for Page Up / Page Down to move between; without, those keys are the
   * browser's (the slider's large step, the page's scroll). Absent: the player's.
   */
  chapters?(): boolean;
  /** Slower/faster. */
  changeRate(direction: -1 | 1): void;
  /** Copies a link to this moment (L). */
  copyMoment(): void;
  /**
   * Whether the UI runs right to left: then → goes back and ← forward, as the slider and the paragraph buttons
   * are laid out (the start is on the right), and as a native range input under `dir=rtl` moves.
   */
  rtl?(): boolean;
}

export class ShortcutController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: ShortcutActions;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: ShortcutActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const key = shortcutKey(event);
    if (key === null || (key.startsWith('Page') && this.#actions.chapters?.() === false)) return;
    event.preventDefault();
    this.press(key, event.shiftKey);
  };

  /** Does what shortcut `key` (see `shortcutKey`) does; with `shift`, arrows move by paragraph. */
  press(key: string, shift: boolean): void {
    const actions = this.#actions;
    switch (key) {
      case ' ':
      case 'k':
      case 'K':
        actions.toggle();
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const back = key === (actions.rtl?.() ? 'ArrowRight' : 'ArrowLeft');
        const direction = back ? -1 : 1;
        if (shift) actions.step(direction);
        else actions.skip(direction);
        break;
      }
      case 'p':
      case 'P':
        actions.step(-1);
        break;
      case 'n':
      case 'N':
        actions.step(1);
        break;
      case 'PageUp':
        actions.step(-1, true);
        break;
      case 'PageDown':
        actions.step(1, true);
        break;
      case '<':
        actions.changeRate(-1);
        break;
      case '>':
        actions.changeRate(1);
        break;
      case 'l':
      case 'L':
        actions.copyMoment();
        break;
    }
  }
}
