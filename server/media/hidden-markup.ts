import type { ByteRange } from './inspection';

/**
 * HTML or script that makes an image a polyglot: a file a browser could also run as a page. Only
 * tags that matter for that are listed, and short ones need a delimiter after them, so that random
 * bytes in metadata or trailing data almost never match by chance.
 */
const MARKUP = /<(?:script|html|iframe|object|embed|svg|body|meta|form)(?=[\s>/])|<!doctype\s+html|(?:java|vb)script:/i;

/**
 * The first piece of markup found in the text-bearing ranges of an image (metadata, comments,
 * unknown chunks, trailing data), or null. Compressed pixel data is not scanned: it is random-
 * looking and would match by chance; the serving headers (nosniff, CSP) cover what hides there.
 */
export function findHiddenMarkup(bytes: Uint8Array, ranges: readonly ByteRange[]): string | null {
  for (const [start, end] of ranges) {
    // latin1 maps each byte to one character, so offsets and binary content survive the decoding.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    const found = MARKUP.exec(text);
    if (found) return found[0];
  }
  return null;
}
