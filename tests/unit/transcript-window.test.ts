import { describe, expect, it } from 'vitest';
import { RowHeights } from '../../lib/transcript/row-heights';
import { isAtBottom, visibleWindow } from '../../lib/transcript/window';

/** The same sums the slow way, to check the tree against. */
const offsetSlow = (heights: number[], index: number) => heights.slice(0, index).reduce((a, b) => a + b, 0);

describe('row heights', () => {
  it('estimates unmeasured rows and keeps offsets right as rows are measured, in any order', () => {
    const rows = new RowHeights(50);
    rows.resize(1000);
    expect(rows.total).toBe(50_000);
    const real = Array.from({ length: 1000 }, () => 50);
    let seed = 7;
    for (let n = 0; n < 500; n++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const index = seed % 1000;
      const height = 20 + (seed % 300);
      expect(rows.set(index, height)).toBe(height - real[index]!);
      real[index] = height;
    }
    for (const index of [0, 1, 2, 499, 500, 999, 1000]) expect(rows.offsetOf(index)).toBe(offsetSlow(real, index));
    expect(rows.total).toBe(offsetSlow(real, 1000));
  });

  it('finds the row under any y, including exact row edges, before the start and past the end', () => {
    const rows = new RowHeights(10);
    rows.resize(4);
    [10, 30, 5, 55].forEach((h, i) => rows.set(i, h));
    // Rows span [0,10) [10,40) [40,45) [45,100).
    expect([-5, 0, 9.9, 10, 39, 40, 44, 45, 99, 100, 500].map((y) => rows.indexAt(y))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3]);
  });

  it('keeps what was measured when messages arrive, and estimates the new ones', () => {
    const rows = new RowHeights(40);
    rows.resize(2);
    rows.set(0, 100);
    rows.resize(5);
    expect(rows.isMeasured(0)).toBe(true);
    expect(rows.isMeasured(3)).toBe(false);
    expect(rows.total).toBe(100 + 4 * 40);
    expect(rows.set(7, 10)).toBe(0); // out of range: ignored
  });
});

describe('visible window', () => {
  const rows = new RowHeights(50);
  rows.resize(10_000);

  it('renders the viewport plus the overscan, and pads for the rest', () => {
    const slice = visibleWindow(rows, 100_000, 500, 200);
    expect(slice.start).toBe(Math.floor((100_000 - 200) / 50));
    expect(slice.end).toBe(Math.floor((100_000 + 500 + 200) / 50) + 1);
    expect(slice.before).toBe(slice.start * 50);
    expect(slice.before + (slice.end - slice.start) * 50 + slice.after).toBe(rows.total);
    expect(slice.end - slice.start).toBeLessThan(20);
  });

  it('at the top and at the bottom stays inside the list', () => {
    expect(visibleWindow(rows, 0, 500, 200)).toMatchObject({ start: 0, before: 0 });
    const bottom = visibleWindow(rows, rows.total - 500, 500, 200);
    expect(bottom).toMatchObject({ end: 10_000, after: 0 });
    expect(visibleWindow(new RowHeights(50), 0, 500, 200)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('knows when the agent is reading the newest entry', () => {
    expect(isAtBottom(1500, 500, 2000)).toBe(true);
    expect(isAtBottom(1480, 500, 2000)).toBe(true);
    expect(isAtBottom(1000, 500, 2000)).toBe(false);
  });
});
