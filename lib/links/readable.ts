import { visibleCodePoint } from './bidi';

/**
 * The URL parser percent-encodes every non-ASCII character of a path, query or fragment, so
 * `https://fr.wikipedia.org/wiki/Café` serialises as `…/Caf%C3%A9`. For the visible text we
 * decode what is safe to read — letters, marks and digits — and show invisible format
 * characters (bidi controls, zero-width spaces…) as `⟪U+XXXX⟫`. Everything else (ASCII escapes
 * such as `%2F` or `%20`, punctuation, symbols, invalid UTF-8) keeps its escape, so the text
 * never reads as a different address than the one opened.
 */
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const READABLE = /^[\p{L}\p{N}]$/u;
/** A combining mark is shown only on a letter: on `/` or `.` it could disguise punctuation. */
const MARK = /^\p{M}$/u;
const LETTER_BEFORE = /\p{L}\p{M}*$/u;
const LETTER = /^\p{L}$/u;
const FORMAT = /^\p{Cf}$/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function byteAt(run: string, index: number): number {
  return parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
}

/** Length of the UTF-8 sequence a lead byte announces (1 for a stray byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc2) return 2;
  return 1;
}

function shown(character: string, escaped: string, afterLetter: boolean): string {
  if (character.charCodeAt(0) < 0x80) return escaped;
  if (READABLE.test(character)) return character;
  if (MARK.test(character) && afterLetter) return character;
  if (FORMAT.test(character)) return visibleCodePoint(character);
  return escaped;
}

/** A run of escapes, one UTF-8 sequence at a time; an invalid byte keeps its own escape. */
function readableRun(run: string, before: string): string {
  const count = run.length / 3;
  let result = '';
  let index = 0;
  let afterLetter = LETTER_BEFORE.test(before);
  while (index < count) {
    const length = Math.min(sequenceLength(byteAt(run, index)), count - index);
    const escaped = run.slice(index * 3, (index + length) * 3);
    const bytes = Uint8Array.from({ length }, (_, offset) => byteAt(run, index + offset));
    let character: string | undefined;
    try {
      character = utf8.decode(bytes);
    } catch {
      character = undefined;
    }
    if (character === undefined || [...character].length !== 1) {
      result += run.slice(index * 3, index * 3 + 3);
      afterLetter = false;
      index += 1;
    } else {
      const piece = shown(character, escaped, afterLetter);
      afterLetter = piece === character && (LETTER.test(character) || (afterLetter && MARK.test(character)));
      result += piece;
      index += length;
    }
  }
  return result;
}

/** `…/Caf%C3%A9%E2%80%AE` → `…/Café⟪U+202E⟫`. */
export function readableComponent(serialised: string): string {
  return serialised.replace(ESCAPE_RUN, (run: string, offset: number) => readableRun(run, serialised.slice(Math.max(0, offset - 8), offset)));
}

/** True when the serialised component, once decoded, holds a bidi control character. */
export function encodesBidiControl(serialised: string): boolean {
  return /%E2%80%A[A-E]|%E2%81%A[6-9]|%E2%80%8[EF]|%D8%9C/i.test(serialised);
}
