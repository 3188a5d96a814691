import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SendingHours } from '../../server/config/consent-schema';
import { outsideSendingHours, wallClock } from '../../server/new-sms/sending-hours';

const defaults = v.parse(SendingHours, {});
const paris = (iso: string) => Date.parse(iso); // ISO with an offset

describe('sending hours', () => {
  it('default: Monday to Saturday 08:00–20:00 in Europe/Paris, summer and winter time alike', () => {
    expect(outsideSendingHours(defaults, paris('2026-12-07T08:00:00+01:00'))).toBeUndefined(); // Monday 08:00
    expect(outsideSendingHours(defaults, paris('2026-12-07T07:59:00+01:00'))).toMatch(/07:59 on mon/);
    expect(outsideSendingHours(defaults, paris('2026-12-05T19:59:00+01:00'))).toBeUndefined(); // Saturday
    expect(outsideSendingHours(defaults, paris('2026-12-05T20:00:00+01:00'))).toMatch(/outside the sending hours/);
    expect(outsideSendingHours(defaults, paris('2026-12-06T12:00:00+01:00'))).toMatch(/on sun/); // Sunday
    expect(outsideSendingHours(defaults, paris('2026-07-06T08:30:00+02:00'))).toBeUndefined(); // summer time
    expect(wallClock(paris('2026-07-06T06:30:00Z'), 'Europe/Paris')).toEqual({ day: 'mon', date: '2026-07-06', time: '08:30' });
  });

  it('no conversation on a listed public holiday, and another time zone reads its own clock', () => {
    const hours = v.parse(SendingHours, { holidays: ['2026-12-25'] });
    expect(outsideSendingHours(hours, paris('2026-12-25T10:00:00+01:00'))).toMatch(/2026-12-25 is a public holiday/);
    const montreal = v.parse(SendingHours, { timeZone: 'America/Montreal', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' });
    expect(outsideSendingHours(montreal, paris('2026-12-07T16:00:00+01:00'))).toBeUndefined(); // 10:00 in Montreal
    expect(outsideSendingHours(montreal, paris('2026-12-07T14:00:00+01:00'))).toMatch(/08:00 on mon \(America\/Montreal\)/);
  });
});
