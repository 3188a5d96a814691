import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration, secondsLeft } from '../../lib/time/format';

describe('time as agents read it', () => {
  it('formats elapsed time as m:ss, then h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59_999)).toBe('0:59');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
    expect(formatDuration(-5_000)).toBe('0:00');
  });

  it('counts the seconds left up, so 0 means the offer is over', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 20_000)).toBe(0);
  });

  it('shows the time of day in the agent language', () => {
    const at = Date.UTC(2026, 0, 5, 14, 5);
    const offsetMinutes = new Date(at).getTimezoneOffset();
    const local = new Date(at - offsetMinutes * 60_000);
    const hh = String(local.getUTCHours()).padStart(2, '0');
    expect(formatClockTime(at, 'fr-FR')).toBe(`${hh}:05`);
    expect(formatClockTime(at, 'en-US')).toMatch(/^\d{2}:05\s?(AM|PM)$/);
  });
});
