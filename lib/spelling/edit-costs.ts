// Costs of the weighted edit distance behind suggestions, in tenths of an edit. They encode how
// people mistype: a missing accent or a wrong case is barely a mistake, a neighbouring key or two
// swapped letters is a slip, a doubled or undoubled letter (apeller/appeler) and a missing
// apostrophe or hyphen (aujourdhui) are common; a left-out letter is the most frequent slip
// (wich → which); anything else costs a full edit. Adding, dropping or replacing the first letter
// (other than by its accent, case or a neighbouring key) costs more: people rarely get the start
// of a word wrong (apeller is appeler, not peller), and it keeps odd forms such as D'hôpital out
// of the suggestions for hopital.
export const COST = {
  caseOnly: 1,
  inflectedForm: 2,
  accentOnly: 3,
  joiner: 4,
  doubledLetter: 5,
  firstLetter: 5,
  transposition: 6,
  neighbouringKey: 8,
  splitWords: 12,
  missingLetter: 9,
  extraLetter: 9,
  edit: 10,
} as const;

const JOINERS = new Set(["'".charCodeAt(0), '-'.charCodeAt(0)]);
const MARKS = /\p{M}+/gu;

export const isJoiner = (code: number) => JOINERS.has(code);

/** Lowercase without accents (é → e, Å → a), or the character itself when that is not one letter. */
export function baseLetter(character: string): string {
  const folded = character.normalize('NFD').replace(MARKS, '').toLowerCase();
  return folded.length === 1 ? folded : character.toLowerCase();
}

/** Neighbouring keys from Hunspell KEY groups ("azertyuiop|qsdfghjklmù|…"), both directions. */
export function keyboardNeighbours(keyGroups: string): ReadonlySet<string> {
  const pairs = new Set<string>();
  for (const group of keyGroups.split('|')) {
    const keys = [...group].map(baseLetter);
    for (let i = 1; i < keys.length; i += 1) {
      pairs.add(keys[i - 1]! + keys[i]!);
      pairs.add(keys[i]! + keys[i - 1]!);
    }
  }
  return pairs;
}

/** Cost of typing `typed` where the word has `intended` (both single UTF-16 code units). */
export function substitutionCost(typed: string, intended: string, neighbours: ReadonlySet<string>): number {
  if (typed === intended) return 0;
  if (typed.toLowerCase() === intended.toLowerCase()) return COST.caseOnly;
  const typedBase = baseLetter(typed);
  const intendedBase = baseLetter(intended);
  if (typedBase === intendedBase) return COST.accentOnly;
  return neighbours.has(typedBase + intendedBase) ? COST.neighbouringKey : COST.edit;
}
