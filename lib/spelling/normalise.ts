// Typed text and dictionary entries can spell the same word with different code points.

/** Apostrophes an agent's keyboard may produce inside a word; the dictionaries use U+0027. */
export const APOSTROPHES = "'’ʼ";
const TYPOGRAPHIC_APOSTROPHES = /[’ʼ]/g;

/**
 * The dictionary spelling of a typed word: NFC (an accent typed as a combining mark becomes one
 * letter), the affix file's input conversions (ICONV: ligatures…), typographic apostrophes
 * turned into the ASCII apostrophe that both dictionaries use.
 */
export function createWordNormaliser(inputConversions: readonly (readonly [string, string])[]): (word: string) => string {
  const conversions = inputConversions
    .filter(([from]) => from.length > 0)
    .toSorted(([a], [b]) => b.length - a.length);
  return (word) => {
    let normal = word.normalize('NFC').replace(TYPOGRAPHIC_APOSTROPHES, "'");
    for (const [from, to] of conversions) if (normal.includes(from)) normal = normal.replaceAll(from, to);
    return normal;
  };
}

/** Gives a suggestion the apostrophe the agent typed (l’hôpital stays typographic). */
export function matchApostrophe(suggestion: string, typed: string): string {
  const typedApostrophe = [...typed].find((c) => APOSTROPHES.includes(c));
  return typedApostrophe && typedApostrophe !== "'" ? suggestion.replaceAll("'", typedApostrophe) : suggestion;
}
