// Dates as the agent reads and types them: in the browser's (the agent's) time zone.

/** The agent's IANA time zone (e.g. Europe/Paris), as the browser reports it. */
export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="datetime-local">` showing `at` in the local time zone. */
export function toLocalInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value means in the local time zone; undefined when it is not one. */
export function fromLocalInputValue(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi).getTime();
  return Number.isNaN(at) ? undefined : at;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the agent's language, in `timeZone` (default: the agent's own). */
export function formatDateTime(at: number, locale: string, timeZone?: string): string {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(at);
}
