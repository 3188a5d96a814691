// What the message box uses. The engine itself (engine.ts) runs in the Worker only.
export { createSpellChecker, type CheckOutcome, type SpellChecker, type SpellCheckerOptions } from './client';
export { fetchBundledArtefact } from './bundled';
export { SpellingError, SPELLING_LANGUAGES, type SpellingErrorCode, type SpellingLanguage } from './protocol';
export type { Misspelling } from './engine';
