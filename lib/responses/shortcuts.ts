import type { StandardResponse } from '../protocol';

export interface ShortcutAtCaret {
  keyword: string;
  /** UTF-16 offsets of the keyword in the text (end is the caret). */
  start: number;
  end: number;
}

// A keyword ends at the caret and starts the text, follows a space or an opening bracket/quote.
const KEYWORD_BEFORE_CARET = /(?:^|[\s([{"'«“‘])(#[\p{L}\p{N}_-]{1,31})$/u;

const KEYWORD_CHARACTER = /[\p{L}\p{N}_-]/u;

/** The shortcut keyword the agent just typed (ending at the caret, not inside a word), if any. */
export function shortcutBeforeCaret(text: string, caret: number): ShortcutAtCaret | null {
  if (KEYWORD_CHARACTER.test(text.charAt(caret))) return null;
  const match = KEYWORD_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  const keyword = match[1]!;
  return { keyword, start: caret - keyword.length, end: caret };
}

/**
 * The response whose shortcut is `keyword` (case does not matter). When both languages have
 * one, the response in `language` (the message box's spelling language) wins.
 */
export function responseForShortcut(
  responses: readonly StandardResponse[],
  keyword: string,
  language: string,
): StandardResponse | undefined {
  const wanted = keyword.toLowerCase();
  const matching = responses.filter((response) => response.shortcut?.toLowerCase() === wanted);
  return matching.find((response) => response.language === language) ?? matching[0];
}
