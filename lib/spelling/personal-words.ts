import { MAX_PERSONAL_WORD_LENGTH, MAX_PERSONAL_WORDS, SpellingError } from './protocol';

const HAS_LETTER = /\p{L}/u;
const HAS_SPACE = /\s/u;

/**
 * The agent's word as it will be stored ("Add to dictionary"), or a SpellingError saying why it
 * cannot be: empty, several words, no letter at all, or too long.
 */
export function validPersonalWord(typed: string): string {
  const word = typed.trim().normalize('NFC');
  if (word === '') throw new SpellingError('invalid-word', 'There is no word to add to the dictionary.');
  if (HAS_SPACE.test(word)) throw new SpellingError('invalid-word', `“${word}” is several words; add them one at a time.`);
  if (!HAS_LETTER.test(word)) throw new SpellingError('invalid-word', `“${word}” has no letter, so it is never spell-checked.`);
  if (word.length > MAX_PERSONAL_WORD_LENGTH) {
    throw new SpellingError('invalid-word', `Words in the dictionary are at most ${MAX_PERSONAL_WORD_LENGTH} characters long.`);
  }
  return word;
}

export function withPersonalWord(words: readonly string[], typed: string): string[] {
  const word = validPersonalWord(typed);
  if (words.includes(word)) return [...words];
  if (words.length >= MAX_PERSONAL_WORDS) {
    throw new SpellingError('invalid-word', `The personal dictionary is full (${MAX_PERSONAL_WORDS} words); remove some first.`);
  }
  return [...words, word];
}

export function withoutPersonalWord(words: readonly string[], typed: string): string[] {
  const word = typed.trim().normalize('NFC');
  return words.filter((known) => known !== word);
}
