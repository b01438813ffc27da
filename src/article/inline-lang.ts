/**
 * Whether an article has phrases marked with a language of their own inside what is read (`<span lang="fr">` in a
 * paragraph): only then does the speech engine import the cutting at language runs (`lang-runs.ts`).
 */
import type { Segment } from './segment.js';

/**
 * Whether any segment's element holds an element with `lang` (as `langRuns` looks for one). One query of the
 * document, and a walk up from each marked element that is not around the article (the root's, the article's).
 */
export function hasInlineLang(segments: readonly Segment[]): boolean {
  const first = segments[0]?.element;
  // Segments made outside a page (tests, tools) may have a stand-in element: nothing to look at.
  if (typeof first?.getRootNode !== 'function') return false;
  const root = first.getRootNode() as Partial<ParentNode>;
  const marked = [...(root.querySelectorAll?.('[lang]') ?? [])].filter((element) => !element.contains(first));
  if (!marked.length) return false;
  const read = new Set(segments.map((segment) => segment.element));
  return marked.some((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (read.has(parent)) return true;
    return false;
  });
}
