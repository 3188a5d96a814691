import { gsmSeptets, isGsmText } from './gsm-alphabet';
import { forEachGrapheme } from './segments';

/** A character that has no GSM-7 code and so forces the whole reply into UCS-2. */
export interface UnicodeCulprit {
  /** The grapheme as the agent sees it (an emoji with its modifiers is one culprit). */
  character: string;
  /** UTF-16 offsets in the text, ready for highlighting: `text.slice(start, end)`. */
  start: number;
  end: number;
}

/** Every grapheme of `text` that contains a character outside the GSM-7 tables, in order. */
export function unicodeCulprits(text: string): UnicodeCulprit[] {
  const culprits: UnicodeCulprit[] = [];
  if (isGsmText(text)) return culprits;
  forEachGrapheme(text, 'UCS-2', (grapheme, index) => {
    for (const codePoint of grapheme) {
      if (gsmSeptets(codePoint) === undefined) {
        culprits.push({ character: grapheme, start: index, end: index + grapheme.length });
        break;
      }
    }
  });
  return culprits;
}
