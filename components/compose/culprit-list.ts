import type { UnicodeCulprit } from '@/lib/sms/culprits';

export interface CulpritGroup {
  character: string;
  /** What to show: the character, with its code point(s) so invisible ones can be told apart. */
  label: string;
  /** Character positions (1-based, counting what a person counts as characters). */
  positions: number[];
}

const INVISIBLE = /^[\p{Z}\p{Cc}\p{Cf}]+$/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const codePoints = (text: string) =>
  [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** The Unicode-forcing characters of `text`, grouped by character, in order of first appearance. */
export function groupCulprits(text: string, culprits: readonly UnicodeCulprit[]): CulpritGroup[] {
  if (culprits.length === 0) return [];
  const positionOf = new Map<number, number>();
  let position = 0;
  for (const { index } of segmenter.segment(text)) positionOf.set(index, ++position);
  const groups = new Map<string, CulpritGroup>();
  for (const culprit of culprits) {
    let group = groups.get(culprit.character);
    if (!group) {
      const invisible = INVISIBLE.test(culprit.character);
      // Long emoji sequences (families, flags with tags) read better as themselves than as codes.
      const long = [...culprit.character].length > 3;
      const label = invisible ? codePoints(culprit.character) : long ? culprit.character : `${culprit.character} ${codePoints(culprit.character)}`;
      group = { character: culprit.character, label, positions: [] };
      groups.set(culprit.character, group);
    }
    group.positions.push(positionOf.get(culprit.start) ?? culprit.start + 1);
  }
  return [...groups.values()];
}
