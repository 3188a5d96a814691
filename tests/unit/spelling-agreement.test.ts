import type Typo from 'typo-js';
import { describe, expect, it } from 'vitest';
import { SpellingEngine } from '../../lib/spelling/engine';
import type { DictionaryLanguage } from '../../scripts/dictionaries/languages';
import { artefactBuffer, loadTypo, seededRandom } from './spelling-fixtures';

// The artefact must accept exactly what typo-js accepts on the same Hunspell files: 2,500 word
// forms sampled from typo-js's own expansion, each with one variant a person could type (a
// letter dropped, swapped or replaced, capitalised, in capitals, in lowercase), 5,000 words in all.
const SAMPLED_FORMS = 2_500;

function variant(word: string, kind: number, random: (below: number) => number, alphabet: string[]): string {
  const at = random(Math.max(word.length, 1));
  switch (kind) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.length > 1 ? word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2) : word + word;
    case 2:
      return word.slice(0, at) + alphabet[random(alphabet.length)] + word.slice(at + 1);
    case 3:
      return word[0]!.toUpperCase() + word.slice(1);
    case 4:
      return word.toUpperCase();
    default:
      return word.toLowerCase();
  }
}

function sample(typo: Typo, seed: number): string[] {
  const forms = [...typo.dictionaryTable.keys()].filter((word) => word !== '');
  const alphabet = [...new Set(forms.slice(0, 50_000).join(''))];
  const random = seededRandom(seed);
  const words: string[] = [];
  for (let i = 0; i < SAMPLED_FORMS; i += 1) {
    const form = forms[random(forms.length)]!;
    words.push(form, variant(form, i % 6, random, alphabet));
  }
  return words;
}

describe.each<DictionaryLanguage>(['en', 'fr'])('agreement with typo-js (%s)', (language) => {
  it('accepts what typo-js accepts and rejects what it rejects on 5,000 sampled words', { timeout: 180_000 }, () => {
    const typo = loadTypo(language);
    const engine = new SpellingEngine(artefactBuffer(language));
    const words = sample(typo, language === 'en' ? 2024 : 1789);
    const disagreements = words
      .map((word) => ({ word, typo: typo.check(word), artefact: engine.isCorrect(word) }))
      .filter((result) => result.typo !== result.artefact);
    expect(words).toHaveLength(5_000);
    expect(disagreements).toEqual([]);
    // Both outcomes are well represented, so the comparison means something.
    const accepted = words.filter((word) => typo.check(word)).length;
    expect(accepted).toBeGreaterThan(2_500);
    expect(words.length - accepted).toBeGreaterThan(500);
  });

  it('agrees on every word with a case or compound flag, in every case', { timeout: 180_000 }, () => {
    const typo = loadTypo(language);
    const engine = new SpellingEngine(artefactBuffer(language));
    const { keepCase, notStandalone, noSuggest } = engine.header;
    const flagged = [...keepCase, ...notStandalone, ...noSuggest];
    expect(flagged.length).toBeGreaterThan(0);
    const words = flagged.flatMap((word) => [word, word.toLowerCase(), word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]);
    expect(words.filter((word) => typo.check(word) !== engine.isCorrect(word))).toEqual([]);
  });
});
