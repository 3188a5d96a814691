/**
 * A small confusables table: letters of other scripts (and a few Latin letters) that look like a
 * plain ASCII letter in the fonts a side panel uses. It is a subset of Unicode's confusables.txt
 * (UTS #39), kept to the lowercase letters that matter in host names after IDNA lowercasing.
 * Used two ways: a label written only with such letters of one script is a "whole-script
 * confusable" (Cyrillic `аррӏе` reads as `apple`), and the "skeleton" of a host — every letter
 * replaced by the ASCII letter it imitates — reveals which well-known site it imitates.
 */
const LATIN_LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', с: 'c', ԁ: 'd', е: 'e', ҽ: 'e', ԍ: 'g', һ: 'h', і: 'i', ј: 'j', к: 'k', ӏ: 'l', п: 'n',
  о: 'o', р: 'p', ԛ: 'q', г: 'r', ѕ: 's', ѵ: 'v', ԝ: 'w', ѡ: 'w', х: 'x', у: 'y', ү: 'y',
  // Greek
  α: 'a', ϲ: 'c', ι: 'i', ϳ: 'j', κ: 'k', ο: 'o', ρ: 'p', υ: 'u', ν: 'v', χ: 'x', γ: 'y',
  // Armenian
  ա: 'w', ց: 'g', հ: 'h', ո: 'n', օ: 'o', զ: 'q', ս: 'u',
  // Latin letters that pass for another Latin letter
  ı: 'i', ɩ: 'i', ɑ: 'a', ɡ: 'g', ȷ: 'j', ł: 'l', ŀ: 'l', đ: 'd', ħ: 'h', ø: 'o', ɾ: 'r', ʋ: 'u',
  ß: 'ss',
};

const COMBINING_MARKS = /\p{M}/gu;

/** The ASCII string a label imitates: accents dropped, look-alike letters replaced. */
export function skeleton(text: string): string {
  let result = '';
  for (const character of text.normalize('NFD').replace(COMBINING_MARKS, '')) {
    result += LATIN_LOOKALIKES[character] ?? character;
  }
  return result;
}

const LETTER = /\p{L}/u;

/**
 * True when every letter of the label is a look-alike of a Latin letter from one non-Latin
 * script, so that the whole label reads as an ASCII word (Cyrillic `сосо.com`, Greek `ορο`).
 * The caller has already checked the label is written in a single script.
 */
export function isWholeScriptConfusable(label: string): boolean {
  let letters = 0;
  // Decomposed first, so that `ё` is judged as `е` plus a diaeresis.
  for (const character of label.normalize('NFD')) {
    if (!LETTER.test(character)) continue;
    letters += 1;
    if (/\p{scx=Latin}/u.test(character) || LATIN_LOOKALIKES[character] === undefined) return false;
  }
  return letters > 0;
}
