import { describe, expect, it } from 'vitest';
import { SignInThrottle, throttleKey } from '../../server/auth/sign-in-throttle';

const policy = { freeAttempts: 3, lockSeconds: 10, maxLockSeconds: 60 };
const key = throttleKey('Bob', '127.0.0.1');

describe('sign-in throttle', () => {
  it('lets the free attempts through, then makes the pair wait, twice as long after each further failure, up to the cap', () => {
    const throttle = new SignInThrottle(policy);
    let now = 1_000_000;
    for (let i = 0; i < 2; i++) throttle.failed(key, now);
    expect(throttle.waitSeconds(key, now)).toBe(0);
    throttle.failed(key, now);
    expect(throttle.waitSeconds(key, now)).toBe(10);
    now += 10_000;
    expect(throttle.waitSeconds(key, now)).toBe(0);
    throttle.failed(key, now);
    expect(throttle.waitSeconds(key, now)).toBe(20);
    now += 20_000;
    throttle.failed(key, now);
    expect(throttle.waitSeconds(key, now)).toBe(40);
    now += 40_000;
    throttle.failed(key, now);
    expect(throttle.waitSeconds(key, now)).toBe(60);
  });

  it('keys by username (any case) and address, and forgets a pair after a right password', () => {
    const throttle = new SignInThrottle(policy);
    for (let i = 0; i < 3; i++) throttle.failed(key, 0);
    expect(throttle.waitSeconds(throttleKey(' bob ', '127.0.0.1'), 0)).toBe(10);
    expect(throttle.waitSeconds(throttleKey('bob', '10.0.0.7'), 0)).toBe(0);
    expect(throttle.waitSeconds(throttleKey('alice', '127.0.0.1'), 0)).toBe(0);
    throttle.succeeded(key);
    expect(throttle.waitSeconds(key, 0)).toBe(0);
    throttle.failed(key, 0);
    expect(throttle.waitSeconds(key, 0)).toBe(0);
  });

  it('stays bounded under a spray of usernames', () => {
    const throttle = new SignInThrottle(policy);
    for (let i = 0; i < 20_000; i++) throttle.failed(throttleKey(`user${i}`, '203.0.113.9'), i);
    // The newest pairs are still tracked; the oldest were dropped to stay within bounds.
    for (let i = 0; i < 2; i++) throttle.failed(throttleKey('user19999', '203.0.113.9'), 20_000);
    expect(throttle.waitSeconds(throttleKey('user19999', '203.0.113.9'), 20_000)).toBe(10);
    for (let i = 0; i < 2; i++) throttle.failed(throttleKey('user0', '203.0.113.9'), 20_000);
    expect(throttle.waitSeconds(throttleKey('user0', '203.0.113.9'), 20_000)).toBe(0);
  });
});
