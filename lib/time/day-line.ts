import type { Translate } from '../i18n/t';

/** The local calendar day of a time, as a key that changes exactly at local midnight. */
export function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

const DAY_MS = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The line a transcript shows when the day changes: "Today", "Yesterday", else the weekday and
 * date in the agent's language (with the year when it is not this year's).
 */
export function formatDayLine(at: number, now: number, locale: string, translate: Translate): string {
  if (dayKey(at) === dayKey(now)) return translate('transcript_day_today');
  if (dayKey(at) === dayKey(now - DAY_MS)) return translate('transcript_day_yesterday');
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const key = `${locale}|${sameYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
    dayFormats.set(key, format);
  }
  return format.format(at);
}
