import { gsmSeptets, isGsmText } from './gsm-alphabet';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/**
 * Capacity of one message: `single` when the whole text fits in one SMS, `multipart` per part
 * otherwise (each part gives up 7 septets / 3 code units to the concatenation header).
 * GSM-7 counts septets; UCS-2 counts UTF-16 code units.
 */
export const SMS_CAPACITY = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const satisfies Record<SmsEncoding, { single: number; multipart: number }>;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Units `text` costs in `encoding`: septets (escape pairs count 2) or UTF-16 code units. */
export function smsUnits(text: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return text.length;
  let septets = 0;
  for (const codePoint of text) septets += gsmSeptets(codePoint) ?? 1;
  return septets;
}

/** The encoding a carrier will use: GSM-7 when every character has a GSM-7 code, else UCS-2. */
export function smsEncoding(text: string): SmsEncoding {
  return isGsmText(text) ? 'GSM-7' : 'UCS-2';
}

/**
 * Splits `text` into the messages a carrier will deliver. An empty text gives no segment.
 *
 * Parts break only between grapheme clusters, so an escape pair (`€` = ESC + code), a surrogate
 * pair, an emoji with its modifiers, a flag or a ZWJ family always arrives whole on the phone;
 * a part may therefore end a few units short of its capacity. The one exception is a single
 * grapheme longer than a whole part (e.g. dozens of stacked combining marks): it cannot fit
 * anywhere, so it is split between code points, still never inside a surrogate pair.
 * Joining the segments gives back `text` exactly.
 */
export function segmentSms(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: string[] } {
  const encoding = smsEncoding(text);
  const capacity = SMS_CAPACITY[encoding];
  const total = smsUnits(text, encoding);
  if (total === 0) return { encoding, segments: [] };
  if (total <= capacity.single) return { encoding, segments: [text] };

  const segments: string[] = [];
  let current = '';
  let used = 0;
  const append = (piece: string, cost: number) => {
    if (used + cost > capacity.multipart) {
      segments.push(current);
      current = '';
      used = 0;
    }
    current += piece;
    used += cost;
  };
  for (const { segment: grapheme } of graphemes.segment(text)) {
    const cost = smsUnits(grapheme, encoding);
    if (cost <= capacity.multipart) append(grapheme, cost);
    else for (const codePoint of grapheme) append(codePoint, smsUnits(codePoint, encoding));
  }
  segments.push(current);
  return { encoding, segments };
}
