// Pure helpers for the highlighted ranges of the message box (misspellings, Unicode characters).

export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{M}'’ʼ\-‐‑]/u;

/**
 * Carries ranges found in `from` over to `to` (the text as typed since): ranges before the edit
 * keep their place, ranges after it move with it, and a range the edit touched is dropped until
 * the next check, so an underline never sits on the wrong letters.
 */
export function rebaseRanges<T extends TextRange>(ranges: readonly T[], from: string, to: string): T[] {
  if (from === to) return [...ranges];
  let prefix = 0;
  const shortest = Math.min(from.length, to.length);
  while (prefix < shortest && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const editEndInFrom = from.length - suffix;
  const delta = to.length - from.length;
  const rebased: T[] = [];
  for (const range of ranges) {
    if (range.end < prefix || (range.end === prefix && !WORD_CHARACTER.test(to.charAt(prefix)))) {
      rebased.push(range);
    } else if (range.start > editEndInFrom || (range.start === editEndInFrom && !WORD_CHARACTER.test(to.charAt(range.start + delta - 1)))) {
      rebased.push({ ...range, start: range.start + delta, end: range.end + delta });
    }
  }
  return rebased;
}

export type HighlightKind = 'misspelled' | 'unicode';

export interface HighlightPiece {
  text: string;
  start: number;
  /** The misspelling this piece belongs to (its start), if any. */
  misspelledAt?: number;
  unicode: boolean;
  /** Inside a variable nobody filled (`[first name]`): the reply cannot be sent like this. */
  unfilled?: boolean;
}

/**
 * Cuts `text` into runs that share the same highlights, for the mirror behind the textarea. One
 * sweep over the sorted boundaries (misspellings never overlap each other, nor do Unicode
 * characters), so a pasted page of emoji costs no more than its length.
 */
export function highlightPieces(
  text: string,
  misspellings: readonly TextRange[],
  unicode: readonly TextRange[],
  unfilled: readonly TextRange[] = [],
): HighlightPiece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const byStart = (a: TextRange, b: TextRange) => a.start - b.start;
  const marked = [...misspellings].sort(byStart);
  const forced = [...unicode].sort(byStart);
  const cuts = [0, text.length];
  for (const range of marked) cuts.push(clamp(range.start), clamp(range.end));
  for (const range of forced) cuts.push(clamp(range.start), clamp(range.end));
  for (const range of unfilled) cuts.push(clamp(range.start), clamp(range.end));
  cuts.sort((a, b) => a - b);
  const pieces: HighlightPiece[] = [];
  let m = 0;
  let u = 0;
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (start === end) continue;
    while (m < marked.length && marked[m]!.end <= start) m += 1;
    while (u < forced.length && forced[u]!.end <= start) u += 1;
    const candidate = marked[m];
    const misspelling = candidate && candidate.start <= start && end <= candidate.end ? candidate : undefined;
    pieces.push({
      text: text.slice(start, end),
      start,
      unicode: u < forced.length && forced[u]!.start <= start && end <= forced[u]!.end,
      ...(misspelling ? { misspelledAt: misspelling.start } : {}),
      ...(unfilled.some((range) => range.start <= start && end <= range.end) ? { unfilled: true } : {}),
    });
  }
  return pieces;
}

/** The range holding the caret (touching counts: the caret right after a word is on it). */
export function rangeAt<T extends TextRange>(ranges: readonly T[], caret: number): T | undefined {
  return ranges.find((range) => range.start <= caret && caret <= range.end);
}

/** The range at the caret, else the next one after it, else the first (Ctrl+. walks the mistakes). */
export function rangeAtOrAfter<T extends TextRange>(ranges: readonly T[], caret: number): T | undefined {
  return rangeAt(ranges, caret) ?? ranges.find((range) => range.start > caret) ?? ranges[0];
}
