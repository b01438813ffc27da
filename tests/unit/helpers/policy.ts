/**
 * Reading a page's Content Security Policy violations, as a page's init script records them into an array on
 * `window`. `securitypolicyviolation` is delivered asynchronously (a task after whatever broke the policy), so
 * reading the array at once misses the latest: these wait for them instead.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright';

/** The inline style of the marker violation (`violationsSoFar`). */
const MARKER_STYLE = 'outline: 1px solid';
/** The hash Chromium's console message about the marker names: leave such messages out of a page's errors. */
export const MARKER_HASH = `sha256-${createHash('sha256').update(MARKER_STYLE).digest('base64')}`;

/** Resolves with the violations once at least `count` have arrived; on a timeout, says which ones did. */
export async function violationsArrived(page: Page, key: string, count: number): Promise<string[]> {
  const read = () => page.evaluate((name) => [...((window as unknown as Record<string, string[]>)[name] ?? [])], key);
  try {
    await page.waitForFunction(([name, n]) => ((window as unknown as Record<string, string[]>)[name]?.length ?? 0) >= n, [key, count] as const);
  } catch (error) {
    throw new Error(`Expected ${count} policy violation(s), got: ${JSON.stringify(await read())}`, { cause: error });
  }
  return read();
}

/**
 * Every violation caused so far, proven complete: a marker violation (an inline `style` attribute, which the
 * policy must forbid) is caused now and waited for, and violations are reported in the order they were caused.
 * Returns those before the marker, and removes the marker from the record.
 */
export async function violationsSoFar(page: Page, key: string): Promise<string[]> {
  const before = await page.evaluate(([name, style]) => {
    const element = document.createElement('div');
    document.body.append(element);
    element.setAttribute('style', style);
    element.remove();
    return (window as unknown as Record<string, string[]>)[name]!.length;
  }, [key, MARKER_STYLE] as const);
  const all = await violationsArrived(page, key, before + 1);
  const marker = all.findLastIndex((line) => line.startsWith('style-src-attr'));
  if (marker < 0) throw new Error(`The marker violation (style-src-attr) was not reported: ${JSON.stringify(all)}`);
  await page.evaluate(([name, at]) => void (window as unknown as Record<string, string[]>)[name]!.splice(at, 1), [key, marker] as const);
  return all.filter((_, i) => i !== marker);
}
