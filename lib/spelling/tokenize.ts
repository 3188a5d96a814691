import { findLinks } from '../entities/links';

/** A run of text to spell-check, with UTF-16 offsets into the checked text. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters (with combining accents) joined by apostrophes or hyphens inside the word:
// aujourd'hui, l’hôpital, peut-être. A leading or trailing quote is punctuation, not the word.
const WORD = /[\p{L}\p{M}]+(?:['’ʼ\-‐‑][\p{L}\p{M}]+)*/gu;
const HYPHENS = /[-‐‑]/;
const CHUNK = /\S+/g;
// Chunks that are identifiers rather than prose: numbers, times, prices, phone numbers and
// references (any digit), e-mail addresses and handles (@), URLs, snake_case.
const NOT_PROSE = /[\p{N}@_]|:\/\//u;

/**
 * The words of `text` worth checking. A whitespace-separated chunk holding a URL, an e-mail
 * address or a domain (found by lib/entities, the detector that makes them clickable in the
 * transcript, which skips linkify for chunks that cannot hold one) is skipped, and so is any
 * chunk containing a digit, an @ or an underscore.
 */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const chunkStart = chunk.index;
    if (NOT_PROSE.test(chunk[0])) continue;
    if (findLinks(chunk[0]).length > 0) continue;
    for (const match of chunk[0].matchAll(WORD)) {
      const start = chunkStart + match.index;
      tokens.push({ word: match[0], start, end: start + match[0].length });
    }
  }
  return tokens;
}

/** The hyphen-separated parts of a token (dit-il → dit, il), each with its own offsets. */
export function hyphenParts(token: WordToken): WordToken[] {
  if (!HYPHENS.test(token.word)) return [token];
  const parts: WordToken[] = [];
  let offset = token.start;
  for (const part of token.word.split(HYPHENS)) {
    if (part !== '') parts.push({ word: part, start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return parts;
}
