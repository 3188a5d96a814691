import { gsmSeptets } from './gsm-alphabet';

/** A character that has no GSM-7 code and so forces the whole reply into UCS-2. */
export interface UnicodeCulprit {
  /** The grapheme as the agent sees it (an emoji with its modifiers is one culprit). */
  character: string;
  /** UTF-16 offsets in the text, ready for highlighting: `text.slice(start, end)`. */
  start: number;
  end: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Every grapheme of `text` that contains a character outside the GSM-7 tables, in order. */
export function unicodeCulprits(text: string): UnicodeCulprit[] {
  const culprits: UnicodeCulprit[] = [];
  for (const { segment, index } of graphemes.segment(text)) {
    for (const codePoint of segment) {
      if (gsmSeptets(codePoint) === undefined) {
        culprits.push({ character: segment, start: index, end: index + segment.length });
        break;
      }
    }
  }
  return culprits;
}
