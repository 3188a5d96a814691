import { describe, expect, it } from 'vitest';
import { SignInThrottle, throttleKey } from '../../server/auth/sign-in-throttle';

const policy = { freeAttempts: 3, lockSeconds: 10, maxLockSeconds: 60 };
const key = throttleKey('Bob', '127.0.0.1');

/** `n` attempts that turn out wrong, each answered with how long it had to wait (0: it was let through). */
const attempts = (throttle: SignInThrottle, n: number, at: number, pair = key) => Array.from({ length: n }, () => throttle.attempt(pair, at));

describe('sign-in throttle', () => {
  it('lets the free attempts through, then makes the pair wait, twice as long after each further failure, up to the cap', () => {
    const throttle = new SignInThrottle(policy);
    let now = 1_000_000;
    expect(attempts(throttle, 4, now)).toEqual([0, 0, 0, 10]);
    now += 10_000;
    expect(attempts(throttle, 2, now)).toEqual([0, 20]);
    now += 20_000;
    expect(attempts(throttle, 2, now)).toEqual([0, 40]);
    now += 40_000;
    expect(attempts(throttle, 2, now)).toEqual([0, 60]);
    now += 30_000;
    expect(throttle.attempt(key, now)).toBe(30);
  });

  it('counts an attempt before its password is checked, so parallel guesses cannot all slip in', () => {
    const throttle = new SignInThrottle(policy);
    // Ten requests arrive before any answer: only the free ones reach the password check.
    expect(attempts(throttle, 10, 0).filter((wait) => wait === 0)).toHaveLength(3);
  });

  it('keys by username (any case) and address, and forgets a pair after a right password', () => {
    const throttle = new SignInThrottle(policy);
    attempts(throttle, 3, 0);
    expect(throttle.attempt(throttleKey(' bob ', '127.0.0.1'), 0)).toBe(10);
    expect(throttle.attempt(throttleKey('bob', '10.0.0.7'), 0)).toBe(0);
    expect(throttle.attempt(throttleKey('alice', '127.0.0.1'), 0)).toBe(0);
    throttle.succeeded(key);
    expect(attempts(throttle, 3, 0)).toEqual([0, 0, 0]);
  });

  it('stays bounded under a spray of usernames', () => {
    const throttle = new SignInThrottle(policy);
    const sprayed = (i: number) => throttleKey(`user${i}`, '203.0.113.9');
    for (let i = 0; i < 20_000; i++) throttle.attempt(sprayed(i), i);
    // The newest pairs are still tracked; the oldest were dropped to stay within bounds.
    expect(attempts(throttle, 3, 20_000, sprayed(19_999))).toEqual([0, 0, 10]);
    expect(attempts(throttle, 3, 20_000, sprayed(0))).toEqual([0, 0, 0]);
  });
});
