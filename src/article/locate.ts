/**
 * Which segment holds a point of the page: a clicked spot, the start of the reader's selection. The reverse of
 * extraction, from the same segments: no second reading of the DOM, so both always agree.
 */
import type { Segment } from './segment.js';

/**
 * Index of the segment holding `node` (an element or text node of the article), −1 when none does.
 *
 * The innermost segment element wins (`blockquote > p`: the paragraph). A container's own text split around
 * nested segments gives several segments with the same element; of those, `node` belongs to the last one that
 * starts before it, i.e. the one after the nested segment `node` follows.
 */
export function segmentOf(segments: readonly Segment[], node: Node): number {
  let best = -1;
  let bestElement: Element | null = null;
  for (let i = 0; i < segments.length; i++) {
    const element = segments[i]!.element;
    if (!element.contains(node)) continue;
    if (bestElement === null || (element !== bestElement && bestElement.contains(element))) {
      best = i;
      bestElement = element;
    } else if (element === bestElement) {
      const before = segments[i - 1]?.element;
      if (before && before !== element && follows(node, before)) best = i;
    }
  }
  return best;
}

/**
 * Index of the segment holding `node`, else of the first one after it or inside it (a heading that is not read,
 * an empty anchor before a paragraph, a section around several); −1 when none is.
 */
export function segmentFrom(segments: readonly Segment[], node: Node): number {
  const index = segmentOf(segments, node);
  if (index >= 0) return index;
  return segments.findIndex((segment) => (node.compareDocumentPosition(segment.element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
}

/** Whether `node` comes after `element` in document order and is not inside it. */
function follows(node: Node, element: Element): boolean {
  const position = element.compareDocumentPosition(node);
  return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0;
}

/**
 * Index of the segment where `range` starts, −1 when it touches none. A range starting outside every segment
 * (in a caption, a byline) gives the first segment it reaches.
 */
export function segmentOfRange(segments: readonly Segment[], range: AbstractRange): number {
  const container = range.startContainer;
  // A boundary between an element's children points at the child after it.
  const start = container.nodeType === Node.ELEMENT_NODE ? (container.childNodes[range.startOffset] ?? container) : container;
  const index = segmentOf(segments, start);
  if (index >= 0 || !(range instanceof Range)) return index;
  return segments.findIndex((segment) => range.intersectsNode(segment.element));
}
