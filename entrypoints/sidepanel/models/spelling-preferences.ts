import { browser } from 'wxt/browser';
import { SPELLING_LANGUAGES, type SpellingLanguage } from '@/lib/spelling';

// What the agent chose for spelling, in storage.local so that it outlives the browser session:
// the language picked in the message box, and the personal dictionary of each language.

const LANGUAGE_KEY = 'texto.spelling.language';
const wordsKey = (language: SpellingLanguage) => `texto.spelling.words.${language}`;

const isLanguage = (value: unknown): value is SpellingLanguage => SPELLING_LANGUAGES.includes(value as SpellingLanguage);

/** The language the agent picked, or null if they never did. */
export async function loadChosenLanguage(): Promise<SpellingLanguage | null> {
  const stored = (await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY];
  return isLanguage(stored) ? stored : null;
}

export async function saveChosenLanguage(language: SpellingLanguage): Promise<void> {
  await browser.storage.local.set({ [LANGUAGE_KEY]: language });
}

export async function loadPersonalWords(language: SpellingLanguage): Promise<string[]> {
  const stored = (await browser.storage.local.get(wordsKey(language)))[wordsKey(language)];
  return Array.isArray(stored) ? stored.filter((word): word is string => typeof word === 'string') : [];
}

export async function savePersonalWords(language: SpellingLanguage, words: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [wordsKey(language)]: [...words] });
}

/** The panel's UI language when it is one we check, else English. */
export function uiSpellingLanguage(): SpellingLanguage {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
