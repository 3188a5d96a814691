import { forEachGrapheme, SMS_CAPACITY, segmentSms, smsUnits, type SmsEncoding } from './segments';

export interface SmsCount {
  /** What a person counts as characters: grapheme clusters (👍🏽 and 🇫🇷 are one each). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the whole text costs. */
  units: number;
  /** Messages the customer will receive (0 for an empty text). */
  messages: number;
  encoding: SmsEncoding;
  /** Units still free in the last message before another one is needed. */
  remainingInLast: number;
}

/** The agents' default cap on one reply, in messages. */
export const DEFAULT_MAX_MESSAGES = 10;

/** The figures the message box counter shows, for the text as it will be sent. */
export function countSms(text: string): SmsCount {
  const { encoding, segments } = segmentSms(text);
  const capacity = SMS_CAPACITY[encoding];
  let characters = 0;
  forEachGrapheme(text, encoding, () => (characters += 1));
  const last = segments.at(-1) ?? '';
  const perMessage = segments.length > 1 ? capacity.multipart : capacity.single;
  return {
    characters,
    units: smsUnits(text, encoding),
    messages: segments.length,
    encoding,
    remainingInLast: perMessage - smsUnits(last, encoding),
  };
}

/** Whether `text` would need more than `max` messages (the configured cap, default 10). */
export function exceedsMaxMessages(text: string, max: number = DEFAULT_MAX_MESSAGES): boolean {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`The maximum number of messages must be a whole number of at least 1, not ${max}.`);
  }
  return countSms(text).messages > max;
}
