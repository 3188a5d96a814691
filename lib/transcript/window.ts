import type { RowHeights } from './row-heights';

/** The rows a windowed list renders, and the space that stands for the rows it does not. */
export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the rows before `start` (space above). */
  before: number;
  /** Height of the rows from `end` on (space below). */
  after: number;
}

/**
 * Which rows to render for a viewport `[scrollTop, scrollTop + viewport)`, plus `overscan` pixels
 * above and below so that a quick scroll or a keyboard step finds rows already there.
 */
export function visibleWindow(heights: RowHeights, scrollTop: number, viewport: number, overscan: number): RowWindow {
  const count = heights.length;
  if (count === 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = Math.max(0, scrollTop - overscan);
  const bottom = Math.max(top, scrollTop + Math.max(viewport, 0) + overscan);
  const start = heights.indexAt(top);
  const end = Math.min(count, heights.indexAt(bottom) + 1);
  const before = heights.offsetOf(start);
  return { start, end, before, after: Math.max(0, heights.total - heights.offsetOf(end)) };
}

/** Within `slack` pixels of the bottom: new messages keep the view pinned to the newest. */
export function isAtBottom(scrollTop: number, viewport: number, scrollHeight: number, slack = 24): boolean {
  return scrollHeight - (scrollTop + viewport) <= slack;
}
