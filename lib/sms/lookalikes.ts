import { gsmSeptets } from './gsm-alphabet';

// Punctuation and spaces that word processors and phones type in place of GSM characters. Each
// one alone would switch the whole reply to UCS-2 (70 instead of 160 characters per message).
// Letters are deliberately absent: ê or ç are spelling, not typography (see `foldAccents`).
const LOOKALIKES: Record<string, string> = {};
const add = (characters: string, replacement: string) => {
  for (const character of characters) LOOKALIKES[character] = replacement;
};
add('‘’‚‛′ʼʹ`´‹›', "'");
add('“”„‟″«»', '"');
add('‐‑‒–—―−⁃•◦‣∙', '-');
add('·', '.');
add('⁄∕', '/');
add('…', '...');
add('\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', ' ');
add('\u2028\u2029', '\n');
// Invisible characters: zero-width space, word joiner, byte-order mark, soft hyphen. The
// zero-width joiner is kept: it holds emoji sequences together.
add('\u200b\u2060\ufeff\u00ad', '');

// French guillemets come with (often non-breaking) inner spaces: « oui » becomes "oui".
const OPENING_GUILLEMET = /«[ \u00a0\u202f\u2009]*/g;
const CLOSING_GUILLEMET = /[ \u00a0\u202f\u2009]*»/g;
const COMBINING_MARKS = /\p{M}+/gu;

export interface LookalikeOptions {
  /**
   * Also replace accented letters that have no GSM-7 code by their unaccented letter
   * (ê → e, ç → c), keeping those GSM-7 has (é è ù ì ò à Ç…). Off by default: it changes the
   * spelling, so only an explicit agent choice should do it.
   */
  foldAccents?: boolean;
}

/**
 * `text` with typographic look-alikes replaced by their GSM-7 equivalents (curly quotes,
 * guillemets, dashes, ellipsis, bullets, unusual spaces), and composed to NFC so that an
 * accent typed as a separate combining mark (e + ◌́) becomes the GSM letter é.
 */
export function replaceLookalikes(text: string, options: LookalikeOptions = {}): string {
  const composed = text.normalize('NFC').replace(OPENING_GUILLEMET, '"').replace(CLOSING_GUILLEMET, '"');
  let result = '';
  for (const codePoint of composed) {
    const replacement = LOOKALIKES[codePoint];
    if (replacement !== undefined) result += replacement;
    else if (options.foldAccents && gsmSeptets(codePoint) === undefined) result += foldAccent(codePoint);
    else result += codePoint;
  }
  return result;
}

function foldAccent(codePoint: string): string {
  const base = codePoint.normalize('NFD').replace(COMBINING_MARKS, '');
  return base !== codePoint && base !== '' && [...base].every((c) => gsmSeptets(c) !== undefined) ? base : codePoint;
}
