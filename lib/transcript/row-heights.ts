/**
 * The heights of a long list's rows, measured or estimated, with the offsets a windowed list needs
 * (where row i starts, which row is at y) in O(log n): a Fenwick tree over the heights, so that one
 * row measured after render does not cost a pass over 10,000 rows.
 */
export class RowHeights {
  private tree: Float64Array = new Float64Array(1);
  private heights: Float64Array = new Float64Array(0);
  private measured: Uint8Array = new Uint8Array(0);
  private count = 0;

  /** `estimate` stands for every row not measured yet. */
  constructor(private readonly estimate: number) {
    if (!(estimate > 0)) throw new RangeError('the estimated row height must be positive');
  }

  get length(): number {
    return this.count;
  }

  /** Sum of every row's height. */
  get total(): number {
    return this.prefix(this.count);
  }

  /** Grows (new rows at the end, estimated) or shrinks the list to `count` rows. */
  resize(count: number): void {
    if (count === this.count) return;
    const heights = new Float64Array(count);
    const measured = new Uint8Array(count);
    const keep = Math.min(count, this.count);
    heights.set(this.heights.subarray(0, keep));
    measured.set(this.measured.subarray(0, keep));
    heights.fill(this.estimate, keep);
    this.heights = heights;
    this.measured = measured;
    this.count = count;
    this.rebuild();
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1;
  }

  /** Records a row's real height; returns the change (0 when it was already that). */
  set(index: number, height: number): number {
    if (index < 0 || index >= this.count || !(height >= 0)) return 0;
    this.measured[index] = 1;
    const delta = height - this.heights[index]!;
    if (delta === 0) return 0;
    this.heights[index] = height;
    for (let i = index + 1; i <= this.count; i += i & -i) this.tree[i]! += delta;
    return delta;
  }

  /** Where row `index` starts (the sum of the rows before it). */
  offsetOf(index: number): number {
    return this.prefix(Math.max(0, Math.min(index, this.count)));
  }

  /** The row that covers `y` (the last row for y past the end, 0 for y before the start). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    if (y <= 0) return 0;
    // Fenwick descent: the largest position whose prefix sum is <= y.
    let position = 0;
    let remaining = y;
    for (let step = highestPowerOfTwo(this.count); step > 0; step >>= 1) {
      const next = position + step;
      if (next <= this.count && this.tree[next]! <= remaining) {
        position = next;
        remaining -= this.tree[next]!;
      }
    }
    return Math.min(position, this.count - 1);
  }

  private prefix(end: number): number {
    let sum = 0;
    for (let i = end; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  private rebuild(): void {
    const tree = new Float64Array(this.count + 1);
    for (let i = 1; i <= this.count; i++) {
      tree[i]! += this.heights[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= this.count) tree[parent]! += tree[i]!;
    }
    this.tree = tree;
  }
}

function highestPowerOfTwo(n: number): number {
  let power = 1;
  while (power * 2 <= n) power *= 2;
  return power;
}
