import type { Misspelling } from './engine';

// The typed conversation between the message box (main thread) and the spelling Worker. Every
// request carries a client-made id; the worker answers each id exactly once.

export type SpellingLanguage = 'en' | 'fr';
export const SPELLING_LANGUAGES: readonly SpellingLanguage[] = ['en', 'fr'];

export type SpellingRequest =
  | { type: 'load'; id: number; language: SpellingLanguage; artefact: ArrayBuffer; personalWords: string[] }
  | { type: 'check'; id: number; text: string }
  | { type: 'suggest'; id: number; word: string; limit: number }
  | { type: 'addWord'; id: number; word: string }
  | { type: 'removeWord'; id: number; word: string };

export type SpellingErrorCode =
  | 'not-loaded'
  | 'invalid-artefact'
  | 'invalid-request'
  | 'invalid-word'
  | 'worker-failed'
  | 'disposed';

export type SpellingResponse =
  | { type: 'loaded'; id: number; language: SpellingLanguage; wordCount: number; personalWords: string[] }
  | { type: 'checked'; id: number; misspellings: Misspelling[] }
  | { type: 'suggested'; id: number; suggestions: string[] }
  | { type: 'personalWords'; id: number; personalWords: string[] }
  | { type: 'failed'; id: number; code: SpellingErrorCode; message: string };

/** A spelling failure a caller can act on: `code` says what, `message` says it to a person. */
export class SpellingError extends Error {
  override name = 'SpellingError';
  readonly code: SpellingErrorCode;

  constructor(code: SpellingErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Longest text one check accepts: far beyond 10 SMS, short enough to stay fast. */
export const MAX_CHECKED_LENGTH = 20_000;
export const MAX_PERSONAL_WORD_LENGTH = 64;
export const MAX_PERSONAL_WORDS = 5_000;
export const MAX_SUGGESTIONS = 20;
