import type { SendingHours, Weekday } from '../config/consent-schema';

const WEEKDAY: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** The wall clock in `timeZone` at `at`: its day, its date (YYYY-MM-DD) and its time (HH:MM). */
export function wallClock(at: number, timeZone: string): { day: Weekday; date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { day: WEEKDAY[parts.weekday ?? ''] ?? 'mon', date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Why a conversation may not be started at `at`, or undefined when it may. */
export function outsideSendingHours(hours: SendingHours, at: number): string | undefined {
  const clock = wallClock(at, hours.timeZone);
  const when = `${hours.days.join(', ') || 'no day'} ${hours.from}–${hours.to} (${hours.timeZone})`;
  if (hours.holidays.includes(clock.date)) return `${clock.date} is a public holiday: no conversation may be started today. Sending hours: ${when}.`;
  if (!hours.days.includes(clock.day) || clock.time < hours.from || clock.time >= hours.to) {
    return `It is ${clock.time} on ${clock.day} (${hours.timeZone}), outside the sending hours ${when}. Try again within them; a customer who writes can always be answered.`;
  }
  return undefined;
}
