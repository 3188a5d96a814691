import type { ComposeSettings, StandardResponse } from '@/lib/protocol';
import type { VariableValues } from '@/lib/responses/variables';
import type { Misspelling, SpellingLanguage } from '@/lib/spelling';

// What the message box needs from the panel's models, as plain properties and functions. The
// side panel builds these with getters over its signals, so reading one inside a render
// subscribes only the message box that reads it.

export interface SpellingTools {
  readonly languages: readonly SpellingLanguage[];
  readonly language: SpellingLanguage;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly failure: string | null;
  setLanguage(language: SpellingLanguage): void;
  /** The box's text changed: check it. */
  watch(boxId: string, text: string): void;
  unwatch(boxId: string): void;
  /** The last checked text of the box and its misspellings (offsets into that text). */
  result(boxId: string): { text: string; misspellings: readonly Misspelling[] } | undefined;
  /** The misspellings of exactly `text`, for the warning before sending; null when unavailable. */
  misspellingsNow(boxId: string, text: string): Promise<readonly Misspelling[] | null>;
  suggest(word: string): Promise<string[]>;
  addWord(word: string): Promise<void>;
}

export interface ResponsesTools {
  readonly library: readonly StandardResponse[];
  readonly status: 'loading' | 'ready' | 'unavailable';
  readonly error: string | null;
}

export interface ComposeTools {
  readonly settings: ComposeSettings;
  readonly spelling: SpellingTools;
  readonly responses: ResponsesTools;
  /** Values for {contact.…} and {agent.…} in this interaction. */
  readonly variables: VariableValues;
}
