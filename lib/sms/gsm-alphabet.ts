// The GSM 03.38 default alphabet, in code order (0x00–0x7F, without 0x1B, the escape to the
// extension table), and the extension table characters usable in the default language.
// Kept as literal strings so the table can be read against the standard line by line.
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' + // 0x00–0x0F
  'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ' + // 0x10–0x1F (0x1B is the escape, not a character)
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' + // 0x20–0x3F (0x24 is ¤, not $)
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' + // 0x40–0x5F
  '¿abcdefghijklmnopqrstuvwxyzäöñüà'; // 0x60–0x7F

// Each of these is sent as ESC + code, so it costs two septets: form feed ^ { } \ [ ~ ] | €.
const EXTENSION_TABLE = '\f^{}\\[~]|€';

export const GSM_BASIC_CHARACTERS: ReadonlySet<string> = new Set(BASIC_TABLE);
export const GSM_EXTENSION_CHARACTERS: ReadonlySet<string> = new Set(EXTENSION_TABLE);

// Septets per UTF-16 code unit (0: no GSM-7 code), so that counting on every keystroke is one
// array read per character. Every GSM-7 character is in the BMP; a surrogate reads 0.
const SEPTETS = new Uint8Array(0x10000);
for (const character of BASIC_TABLE) SEPTETS[character.charCodeAt(0)] = 1;
for (const character of EXTENSION_TABLE) SEPTETS[character.charCodeAt(0)] = 2;

/**
 * Septets one code point costs in GSM-7: 1 for the basic table, 2 for the extension table, and
 * `undefined` when it has no GSM-7 encoding (the message must then go as UCS-2).
 */
export function gsmSeptets(codePoint: string): 1 | 2 | undefined {
  const septets = codePoint.length === 1 ? SEPTETS[codePoint.charCodeAt(0)] : 0;
  return septets === 1 || septets === 2 ? septets : undefined;
}

/** Whether every character of `text` has a GSM-7 encoding. */
export function isGsmText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (SEPTETS[text.charCodeAt(i)] === 0) return false;
  return true;
}

/** Septets a GSM-7 text costs (characters outside the tables count 1; check isGsmText first). */
export function gsmTextSeptets(text: string): number {
  let septets = 0;
  for (let i = 0; i < text.length; i += 1) septets += SEPTETS[text.charCodeAt(i)] || 1;
  return septets;
}
