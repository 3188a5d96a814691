import { browser } from 'wxt/browser';
import { SPELLING_LANGUAGES, type SpellingLanguage } from '@/lib/spelling';
import { uiLanguage } from '@/lib/i18n/t';

// What the agent chose for spelling, in storage.local so that it outlives the browser session:
// the language picked in the message box, and the personal dictionary of each language.

const LANGUAGE_KEY = 'texto.spelling.language';
const wordsKey = (language: SpellingLanguage) => `texto.spelling.words.${language}`;

const isLanguage = (value: unknown): value is SpellingLanguage => SPELLING_LANGUAGES.includes(value as SpellingLanguage);
const asWords = (value: unknown): string[] => (Array.isArray(value) ? value.filter((word): word is string => typeof word === 'string') : []);

export interface SpellingPreferences {
  /** The language the agent picked, or null if they never did. */
  chosen: SpellingLanguage | null;
  words: Record<SpellingLanguage, string[]>;
}

/** Everything in one storage read: the dictionary's load waits for it when the panel opens. */
export async function loadSpellingPreferences(): Promise<SpellingPreferences> {
  const stored = await browser.storage.local.get([LANGUAGE_KEY, ...SPELLING_LANGUAGES.map(wordsKey)]);
  const chosen = stored[LANGUAGE_KEY];
  return {
    chosen: isLanguage(chosen) ? chosen : null,
    words: { en: asWords(stored[wordsKey('en')]), fr: asWords(stored[wordsKey('fr')]) },
  };
}

export async function saveChosenLanguage(language: SpellingLanguage): Promise<void> {
  await browser.storage.local.set({ [LANGUAGE_KEY]: language });
}

export async function savePersonalWords(language: SpellingLanguage, words: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [wordsKey(language)]: [...words] });
}

/** The panel's UI language when it is one we check, else English. */
export function uiSpellingLanguage(): SpellingLanguage {
  return uiLanguage();
}
