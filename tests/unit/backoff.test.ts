import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../lib/connection/backoff';

describe('reconnect backoff', () => {
  it('grows exponentially from 0.5 s and stops at the 30 s cap (upper bound of the jitter)', () => {
    const ceilings = [0, 1, 2, 3, 6, 7, 20].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 0.999999));
    expect(ceilings).toEqual([499, 999, 1999, 3999, 29999, 29999, 29999]);
  });

  it('is full jitter: any delay from 0 up to the ceiling', () => {
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0.5)).toBe(4000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4000);
    }
  });

  it('survives absurd attempt counts without overflowing past the cap', () => {
    expect(backoffDelay(10_000, DEFAULT_BACKOFF, () => 0.5)).toBe(15000);
    expect(backoffDelay(-3, DEFAULT_BACKOFF, () => 0.5)).toBe(250);
  });
});
