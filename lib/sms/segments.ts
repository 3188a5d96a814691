import { gsmTextSeptets, isGsmText } from './gsm-alphabet';

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

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Calls `visit` with each grapheme cluster of `text`. In a GSM-7 text the only cluster longer
 * than one character is CR LF (the alphabet has no combining mark, joiner or emoji), so the
 * common case skips Intl.Segmenter, which is the costly part of counting on every keystroke.
 */
export function forEachGrapheme(text: string, encoding: SmsEncoding, visit: (grapheme: string, index: number) => void): void {
  if (encoding === 'GSM-7') {
    for (let i = 0; i < text.length; i += 1) {
      const crlf = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10;
      visit(crlf ? '\r\n' : text[i]!, i);
      if (crlf) i += 1;
    }
    return;
  }
  for (const { segment, index } of graphemeSegmenter.segment(text)) visit(segment, index);
}

/** Units `text` costs in `encoding`: septets (escape pairs count 2) or UTF-16 code units. */
export function smsUnits(text: string, encoding: SmsEncoding): number {
  return encoding === 'UCS-2' ? text.length : gsmTextSeptets(text);
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

  // Parts are slices of `text` between `start` and the grapheme that no longer fits.
  const segments: string[] = [];
  let start = 0;
  let used = 0;
  const place = (index: number, cost: number) => {
    if (used + cost > capacity.multipart) {
      segments.push(text.slice(start, index));
      start = index;
      used = 0;
    }
    used += cost;
  };
  forEachGrapheme(text, encoding, (grapheme, index) => {
    const cost = smsUnits(grapheme, encoding);
    if (cost <= capacity.multipart) return place(index, cost);
    let offset = index;
    for (const codePoint of grapheme) {
      place(offset, smsUnits(codePoint, encoding));
      offset += codePoint.length;
    }
  });
  segments.push(text.slice(start));
  return { encoding, segments };
}
