/** The spelling languages shipped with the extension and the npm package of each dictionary. */
export const SPELLING_DICTIONARIES = {
  en: 'dictionary-en',
  fr: 'dictionary-fr',
} as const;

export type DictionaryLanguage = keyof typeof SPELLING_DICTIONARIES;

export const DICTIONARY_LANGUAGES = Object.keys(SPELLING_DICTIONARIES) as DictionaryLanguage[];

/** Where the artefact lands in the extension output (read with `runtime.getURL`). */
export const artefactOutputPath = (language: DictionaryLanguage) => `dictionaries/${language}.bin`;
