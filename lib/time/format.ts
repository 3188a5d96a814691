/** Elapsed or remaining time as the agent reads it: `m:ss`, or `h:mm:ss` past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Whole seconds left before `deadline`, never negative; rounded up so "0" means it is over. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day of a transcript entry in the agent's language (e.g. 14:05 or 2:05 PM). */
export function formatClockTime(at: number, locale: string): string {
  let format = clockFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    clockFormats.set(locale, format);
  }
  return format.format(at);
}
