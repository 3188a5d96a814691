import * as v from 'valibot';
import { E164, ResponseLanguage } from '../../lib/protocol';
import { foldKeyword } from '../../lib/consent/keywords';

// Consent (STOP / START / HELP) and conversations the centre starts: per number, the keyword
// lists and automatic answers in the number's language, and the hours when agents may start a
// conversation (docs/consent.md).

const Keyword = v.pipe(
  v.string(),
  v.maxLength(40, 'a keyword is at most 40 characters'),
  v.check((keyword) => foldKeyword(keyword) !== '', 'a keyword needs at least one letter or digit'),
);
const KeywordList = v.pipe(v.array(Keyword), v.minLength(1, 'needs at least one keyword (leave it out for the defaults)'));
/** An automatic answer: one SMS or two (it is sent even to a customer who opted out, once). */
const AutomaticAnswer = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(306, 'is longer than two SMS (306 characters)'));

export const NumberConsent = v.strictObject({
  /** The language of the automatic answers (default: the number's caseData.language when en or fr, else en). */
  language: v.optional(ResponseLanguage),
  /** Whole-message keywords (case, accents and punctuation ignored). Absent: the English and French defaults. */
  optOutKeywords: v.optional(KeywordList),
  optInKeywords: v.optional(KeywordList),
  helpKeywords: v.optional(KeywordList),
  /** Automatic answers (absent: Texto's text in the number's language). */
  optOutReply: v.optional(AutomaticAnswer),
  optInReply: v.optional(AutomaticAnswer),
  helpReply: v.optional(AutomaticAnswer),
});

export const ConsentSection = v.strictObject({
  /**
   * `number`: a customer's STOP to one contact-centre number stops texts from that number only;
   * `centre`: from every number of the centre.
   */
  scope: v.optional(v.picklist(['number', 'centre']), 'number'),
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const ClockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day such as 08:00 or 20:30'));
const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date such as 2026-12-25'));
const TimeZone = v.pipe(
  v.string(),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Paris'),
);

/** When agents may start a conversation from this number; replies to a customer who wrote are never limited. */
export const SendingHours = v.strictObject({
  timeZone: v.optional(TimeZone, 'Europe/Paris'),
  days: v.optional(v.array(v.picklist(WEEKDAYS, 'a day: mon, tue, wed, thu, fri, sat or sun')), ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
  from: v.optional(ClockTime, '08:00'),
  to: v.optional(ClockTime, '20:00'),
  /** Days without any conversation started (public holidays), in the number's time zone. */
  holidays: v.optional(v.array(IsoDate), []),
});
export type SendingHours = v.InferOutput<typeof SendingHours>;

/** A number's sending hours with the defaults filled in (the setting is optional). */
export const sendingHoursOf = (number: { sendingHours?: SendingHours | undefined }): SendingHours => number.sendingHours ?? v.parse(SendingHours, {});

/** The contact-centre numbers an agent may start a New SMS from (absent: none). */
export const NewSmsNumbers = v.array(E164);
