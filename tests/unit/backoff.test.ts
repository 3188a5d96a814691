import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../lib/connection/backoff';

describe('reconnect backoff', () => {
  it('grows exponentially from 0.25 s and stops at the 1.5 s cap (upper bound of the jitter)', () => {
    const ceilings = [0, 1, 2, 3, 6, 7, 20].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 0.999999));
    expect(ceilings).toEqual([249, 499, 999, 1499, 1499, 1499, 1499]);
  });

  it('is full jitter: any delay from 0 up to the ceiling', () => {
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.5)).toBe(500);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(2);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(1000);
    }
  });

  it('survives absurd attempt counts without overflowing past the cap', () => {
    expect(backoffDelay(10_000, DEFAULT_BACKOFF, () => 0.5)).toBe(750);
    expect(backoffDelay(-3, DEFAULT_BACKOFF, () => 0.5)).toBe(125);
  });
});
