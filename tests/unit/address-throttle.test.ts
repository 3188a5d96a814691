import { describe, expect, it } from 'vitest';
import { AddressThrottle, sprayAddress } from '../../server/auth/address-throttle';

describe('the per-address sign-in throttle', () => {
  it('lets a budget of attempts through, then names the wait until the next one refills', () => {
    const throttle = new AddressThrottle(6); // one attempt back every 10 s
    const now = 1_000_000;
    for (let i = 0; i < 6; i++) expect(throttle.attempt('203.0.113.7', now)).toBe(0);
    expect(throttle.attempt('203.0.113.7', now)).toBe(10);
    expect(throttle.attempt('203.0.113.7', now + 4_000)).toBe(6);
    expect(throttle.attempt('203.0.113.7', now + 10_000)).toBe(0);
    // Another address has its own budget.
    expect(throttle.attempt('198.51.100.2', now)).toBe(0);
  });

  it('takes nothing for right passwords: agents signing in one after another never run it down', () => {
    const throttle = new AddressThrottle(3);
    for (let i = 0; i < 100; i++) {
      expect(throttle.attempt('192.0.2.1', 5_000)).toBe(0);
      throttle.giveBack('192.0.2.1', 5_000);
    }
  });
});

describe('the address a spray is counted by', () => {
  it('is the IPv4 address (also IPv4-mapped), and the /64 of an IPv6 address', () => {
    expect(sprayAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(sprayAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sprayAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sprayAddress('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(sprayAddress('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(sprayAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sprayAddress('::1')).toBe('0:0:0:0::/64');
    expect(sprayAddress(undefined)).toBe('unknown');
  });
});
