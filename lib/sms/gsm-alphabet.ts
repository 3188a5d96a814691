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

/**
 * Septets one code point costs in GSM-7: 1 for the basic table, 2 for the extension table, and
 * `undefined` when it has no GSM-7 encoding (the message must then go as UCS-2).
 */
export function gsmSeptets(codePoint: string): 1 | 2 | undefined {
  if (GSM_BASIC_CHARACTERS.has(codePoint)) return 1;
  if (GSM_EXTENSION_CHARACTERS.has(codePoint)) return 2;
  return undefined;
}

/** Whether every character of `text` has a GSM-7 encoding. */
export function isGsmText(text: string): boolean {
  for (const codePoint of text) if (gsmSeptets(codePoint) === undefined) return false;
  return true;
}
