import { describe, expect, it } from 'vitest';
import { MEDIA_URL_LIFETIME_MS, type MediaGrant, newMediaSecret, signMediaPath, verifyMediaPath } from '../../server/media';

const secret = newMediaSecret();
const now = 1_750_000_000_000;
const grant: MediaGrant = {
  hash: 'ab'.repeat(32),
  variant: 'full',
  interactionId: 'int-42',
  agentId: 'agent-7',
  expiresAt: now + MEDIA_URL_LIFETIME_MS,
  filename: 'IMG 0042 (été).jpg',
};

/** The signed path with one query value replaced. */
function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

describe('signed media paths', () => {
  it('signs a path naming the file, the agent, the interaction and the expiry', () => {
    const path = signMediaPath(grant, secret);
    expect(path).toMatch(new RegExp(`^/media/${grant.hash}/full\\?interaction=int-42&agent=agent-7&exp=${grant.expiresAt}&name=.+&sig=[A-Za-z0-9_-]{43}$`));
    expect(verifyMediaPath(path, secret, { now })).toEqual({ ok: true, grant, download: false });
  });

  it('lasts five minutes by default', () => {
    expect(MEDIA_URL_LIFETIME_MS).toBe(300_000);
    const path = signMediaPath(grant, secret);
    expect(verifyMediaPath(path, secret, { now: grant.expiresAt - 1 }).ok).toBe(true);
    expect(verifyMediaPath(path, secret, { now: grant.expiresAt })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it.each([
    ['agent', 'agent-8'],
    ['interaction', 'int-43'],
    ['exp', String(grant.expiresAt + 3_600_000)],
    ['name', 'evil.html'],
  ])('refuses a path whose %s was changed', (name, value) => {
    const tampered = withParam(signMediaPath(grant, secret), name, value);
    expect(verifyMediaPath(tampered, secret, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a path pointed at another file or variant', () => {
    const path = signMediaPath(grant, secret);
    expect(verifyMediaPath(path.replace(grant.hash, 'cd'.repeat(32)), secret, { now })).toMatchObject({ reason: 'bad_signature' });
    expect(verifyMediaPath(path.replace('/full?', '/thumb?'), secret, { now })).toMatchObject({ reason: 'bad_signature' });
  });

  it('refuses a signature made with another secret, or flipped in one character', () => {
    const foreign = signMediaPath(grant, newMediaSecret());
    expect(verifyMediaPath(foreign, secret, { now })).toMatchObject({ reason: 'bad_signature' });
    const path = signMediaPath(grant, secret);
    const sig = new URL(path, 'http://x').searchParams.get('sig')!;
    const flipped = withParam(path, 'sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    expect(verifyMediaPath(flipped, secret, { now })).toMatchObject({ reason: 'bad_signature' });
  });

  it('checks the signature before the expiry, so a forged old link learns nothing', () => {
    const forged = withParam(signMediaPath(grant, secret), 'agent', 'agent-8');
    expect(verifyMediaPath(forged, secret, { now: grant.expiresAt + 1 })).toMatchObject({ reason: 'bad_signature' });
  });

  it('refuses a link issued to another agent when the request says who it is', () => {
    const path = signMediaPath(grant, secret);
    expect(verifyMediaPath(path, secret, { now, agentId: 'agent-8' })).toEqual({
      ok: false,
      reason: 'wrong_agent',
      message: 'This media link was issued to another agent.',
    });
    expect(verifyMediaPath(path, secret, { now, agentId: 'agent-7' }).ok).toBe(true);
  });

  it.each([
    ['no signature', (p: string) => p.replace(/&sig=.*/, '')],
    ['a short signature', (p: string) => withParam(p, 'sig', 'abc')],
    ['a non-numeric expiry', (p: string) => withParam(p, 'exp', 'soon')],
    ['an unknown variant', (p: string) => p.replace('/full?', '/original?')],
    ['a path that is not a hash', (p: string) => p.replace(grant.hash, '../../etc/passwd')],
  ])('calls a path with %s malformed', (_, mangle) => {
    expect(verifyMediaPath(mangle(signMediaPath(grant, secret)), secret, { now })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('verifies with a previous secret during a rotation, and signs with the new one', () => {
    const next = newMediaSecret();
    const old = signMediaPath(grant, secret);
    expect(verifyMediaPath(old, [next, secret], { now }).ok).toBe(true);
    expect(verifyMediaPath(signMediaPath(grant, [next, secret]), next, { now }).ok).toBe(true);
  });

  it('refuses a weak secret', () => {
    expect(() => signMediaPath(grant, 'hunter2')).toThrow('at least 32 bytes');
  });

  it('reads the download wish without it being part of the signature', () => {
    const path = `${signMediaPath(grant, secret)}&download=1`;
    expect(verifyMediaPath(path, secret, { now })).toMatchObject({ ok: true, download: true });
  });

  it('keeps ids with any characters unambiguous', () => {
    const odd = { ...grant, interactionId: 'a","b', agentId: 'c\nd' };
    const path = signMediaPath(odd, secret);
    expect(verifyMediaPath(path, secret, { now })).toMatchObject({ ok: true, grant: odd });
    expect(verifyMediaPath(withParam(path, 'interaction', 'a"'), secret, { now })).toMatchObject({ reason: 'bad_signature' });
  });
});
