/**
 * The speeds `<` and `>` step through: those of the speed menu (`speed-select.ts`, drawn before anything is
 * loaded). Apart from the menu, so the stepping comes with the rest of the player.
 */
import { RATES } from './speed-select.js';

/** The next speed on the menu, slower or faster than `rate`; undefined at either end. */
export function stepRate(rate: number, direction: -1 | 1): number | undefined {
  return direction > 0
    ? RATES.find((r) => r > rate + 1e-9)
    : [...RATES].reverse().find((r) => r < rate - 1e-9);
}
