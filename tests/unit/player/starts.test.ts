/**
 * Where play starts: a selection, then a link into the article, then a saved place, whatever order the
 * controllers registered in; the first answer wins and the sources after it are not asked.
 */
import { describe, expect, it } from 'vitest';
import { START_ORDER, StartSources, type StartPoint, type StartSource } from '../../../src/player/starts.js';

/** Sources that answer with `points` (null: no answer) and record that they were asked. */
function sources(order: readonly StartSource[], points: Partial<Record<StartSource, StartPoint | null>>) {
  const starts = new StartSources();
  const asked: StartSource[] = [];
  const removals = new Map<StartSource, () => void>();
  for (const source of order) {
    removals.set(
      source,
      starts.add(source, () => {
        asked.push(source);
        return points[source] ?? null;
      }),
    );
  }
  return { starts, asked, removals };
}

describe('StartSources', () => {
  it('asks selection, then link, then saved place', () => {
    expect(START_ORDER).toEqual(['selection', 'link', 'saved']);
  });

  it('the selection wins over a link and a saved place, whatever the order of registration', () => {
    for (const order of [['saved', 'link', 'selection'], ['selection', 'saved', 'link'], ['link', 'selection', 'saved']] as const) {
      const { starts, asked } = sources(order, { selection: { segment: 4 }, link: { segment: 2 }, saved: { segment: 7, time: 31 } });
      expect(starts.choose()).toEqual({ segment: 4 });
      // The later ones are not asked: answering may use them up (a saved place dismisses its offer).
      expect(asked).toEqual(['selection']);
    }
  });

  it('a link wins over a saved place', () => {
    const { starts, asked } = sources(['saved', 'link', 'selection'], { link: { segment: 2 }, saved: { segment: 7, time: 31 } });
    expect(starts.choose()).toEqual({ segment: 2 });
    expect(asked).toEqual(['selection', 'link']);
  });

  it('the saved place when neither a selection nor a link answers', () => {
    const { starts, asked } = sources(['saved', 'selection', 'link'], { saved: { segment: 7, time: 31 } });
    expect(starts.choose()).toEqual({ segment: 7, time: 31 });
    expect(asked).toEqual(['selection', 'link', 'saved']);
  });

  it('null (play goes on from where it is) when none answers or none is registered', () => {
    expect(sources(['selection', 'link', 'saved'], {}).starts.choose()).toBeNull();
    expect(new StartSources().choose()).toBeNull();
  });

  it('a removed source is not asked any more; removing a replaced one leaves its replacement', () => {
    const { starts, asked, removals } = sources(['selection', 'saved'], { selection: { segment: 1 }, saved: { segment: 5 } });
    removals.get('selection')!();
    expect(starts.choose()).toEqual({ segment: 5 });
    expect(asked).toEqual(['saved']);
    const stale = starts.add('link', () => ({ segment: 9 }));
    starts.add('link', () => ({ segment: 3 }));
    stale();
    expect(starts.choose()).toEqual({ segment: 3 });
  });
});
