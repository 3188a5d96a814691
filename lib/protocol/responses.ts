import * as v from 'valibot';
import { MAX_REPLY_LENGTH } from './commands';
import { Id } from './domain';

// The standard responses library the administrator configures (`standardResponses` in the
// server's YAML). The welcome only carries its version (settings.standardResponses); the
// background fetches the library itself from `GET /api/responses` when its cached copy differs.

export const ResponseLanguage = v.picklist(['en', 'fr']);
export type ResponseLanguage = v.InferOutput<typeof ResponseLanguage>;

/** `#` then 1–31 letters, digits, `_` or `-`: what the agent types before Space or Tab. */
export const SHORTCUT_PATTERN = /^#[\p{L}\p{N}_-]{1,31}$/u;

export const StandardResponse = v.object({
  id: Id,
  category: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** May hold variables such as {contact.firstName} and {agent.name}, filled in the panel. */
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_REPLY_LENGTH)),
  language: ResponseLanguage,
  shortcut: v.optional(v.pipe(v.string(), v.regex(SHORTCUT_PATTERN, 'a keyword such as #hours'))),
});
export type StandardResponse = v.InferOutput<typeof StandardResponse>;

/** The body of `GET /api/responses`. */
export const StandardResponseLibrary = v.object({
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  responses: v.pipe(v.array(StandardResponse), v.maxLength(2000)),
});
export type StandardResponseLibrary = v.InferOutput<typeof StandardResponseLibrary>;
