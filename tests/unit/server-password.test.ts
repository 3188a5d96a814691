import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { DEMO_CONFIG_PATH, loadConfigFile, PASSWORD_HASH_PATTERN } from '../../server/config';

describe('password hashes', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats malformed or hostile hashes as a mismatch instead of throwing', async () => {
    for (const stored of ['', 'scrypt$', 'bcrypt$1$2$3$4$5', 'scrypt$99999999$8$1$c2FsdA$aGFzaA', 'scrypt$16384$8$1$c2FsdA$short']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('stores the demo agents’ password "texto-demo" as hashes in the demo configuration', async () => {
    const config = loadConfigFile(DEMO_CONFIG_PATH);
    for (const agent of config.agents) expect(await verifyPassword('texto-demo', agent.passwordHash)).toBe(true);
  });
});
