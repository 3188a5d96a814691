/**
 * Strict base64 decoding for inbound media. Node's `Buffer.from(s, 'base64')` skips characters it
 * does not know, so a garbled upload would silently become a different file; this checks first.
 */

export type Base64Result =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'bad_base64'; detail: string }
  | { ok: false; reason: 'too_large'; size: number };

const DATA_URL_PREFIX = /^data:[^,;]*(?:;[^,;]*)*;base64,/i;
const WHITESPACE = /[\t\n\f\r ]/;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/** Decoded size of a compact base64 string, known before decoding it. */
function decodedSize(compact: string): number {
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.floor((compact.length * 3) / 4) - padding;
}

/**
 * Decodes `text` (standard alphabet, optional padding, line breaks allowed, `data:` URL prefix
 * tolerated), refusing anything over `maxBytes` before allocating for it.
 */
export function decodeBase64(text: string, maxBytes: number): Base64Result {
  let compact = text.replace(DATA_URL_PREFIX, '');
  if (WHITESPACE.test(compact)) compact = compact.replace(/[\t\n\f\r ]+/g, '');
  const size = decodedSize(compact);
  if (size > maxBytes) return { ok: false, reason: 'too_large', size };
  const bad = NOT_BASE64.exec(compact);
  if (bad) {
    const shown = /[\x21-\x7e]/.test(bad[0]) ? `"${bad[0]}"` : `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return { ok: false, reason: 'bad_base64', detail: `it contains the character ${shown} at position ${bad.index}` };
  }
  const body = compact.replace(/={1,2}$/, '');
  const strayPad = body.indexOf('=');
  if (strayPad >= 0) {
    return { ok: false, reason: 'bad_base64', detail: `it has padding ("=") in the middle, at position ${strayPad}` };
  }
  if (body.length < compact.length ? compact.length % 4 !== 0 : body.length % 4 === 1) {
    return { ok: false, reason: 'bad_base64', detail: 'it is cut short (its length is not a whole number of base64 groups)' };
  }
  return { ok: true, bytes: Buffer.from(compact, 'base64') };
}
