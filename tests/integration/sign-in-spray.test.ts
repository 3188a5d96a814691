import { describe, expect, it } from 'vitest';
import { demoConfig, DEMO_PASSWORD, startTestServer } from './helpers/server';
import { signInFrom, type SignInAnswer } from './helpers/sign-in-from';

// Password spraying: one address tries one password on many usernames, each below the
// per-username limit. The address is throttled as a whole, before any scrypt, and agents signing
// in from other addresses are neither refused nor starved. 127.0.0.0/8 is all loopback on Linux:
// each test address is a different machine to the server.

const SPRAYER = '127.0.0.9';
const AGENT_DESK = '127.0.0.2';

describe('password spraying from one address', () => {
  it('gets 429 across usernames once the address has used its budget; right passwords from elsewhere still sign in', async () => {
    const server = await startTestServer({ config: demoConfig((c) => (c.auth.wrongPasswordsPerAddressPerMinute = 5)) });
    try {
      const statuses: number[] = [];
      let refusal: SignInAnswer | undefined;
      for (let i = 0; i < 12; i++) {
        const answer = await signInFrom(SPRAYER, server.url, `agent${i}`, 'Summer2026!');
        statuses.push(answer.status);
        if (answer.status === 429) refusal ??= answer;
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
      expect(refusal?.message).toMatch(/^Too many wrong passwords from this address\. Wait \d+ s, then sign in again\.$/);
      expect(Number(refusal?.retryAfter)).toBeGreaterThanOrEqual(1);
      // Even a right password waits there: the address is not tried at all…
      expect((await signInFrom(SPRAYER, server.url, 'alice', DEMO_PASSWORD)).status).toBe(429);
      // …while an agent at another desk signs in, and a typo there does not add to the sprayer's count.
      expect((await signInFrom(AGENT_DESK, server.url, 'bob', 'typo')).status).toBe(401);
      expect((await signInFrom(AGENT_DESK, server.url, 'alice', DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a flood of sign-ins at once is refused beyond the queue (429 per address, 503 for everyone) and the agent elsewhere is served', async () => {
    const server = await startTestServer({
      config: demoConfig((c) => Object.assign(c.auth, { wrongPasswordsPerAddressPerMinute: 100_000, freeSignInAttempts: 100 })),
    });
    try {
      // Five flooding addresses, 40 sign-ins each, all at once: 200 scrypt checks asked for.
      const flood = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15'].flatMap((address) =>
        Array.from({ length: 40 }, (_, i) => signInFrom(address, server.url, `nobody${i}`, 'guess')),
      );
      const agent = signInFrom(AGENT_DESK, server.url, 'alice', DEMO_PASSWORD);
      const answers = await Promise.all(flood);
      const count = (status: number) => answers.filter((answer) => answer.status === status).length;
      expect(count(401) + count(429) + count(503)).toBe(200);
      expect(count(429)).toBeGreaterThan(0);
      expect(count(503)).toBeGreaterThan(0);
      expect(answers.find((answer) => answer.status === 429)).toMatchObject({ retryAfter: '1', message: 'Too many sign-ins from this address at once. Wait 1 s, then sign in again.' });
      expect(answers.find((answer) => answer.status === 503)).toMatchObject({ retryAfter: '2', message: 'The server is busy checking other sign-ins. Wait 2 s, then sign in again.' });
      expect((await agent).status).toBe(200);
      // Nothing stays stuck: once the flood has drained, the sprayers' addresses sign in again.
      expect((await signInFrom('127.0.0.11', server.url, 'bob', DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
