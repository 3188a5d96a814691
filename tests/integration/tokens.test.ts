import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, issueToken, revokeToken, verifyToken } from '../../server/auth/tokens';
import { syncConfig } from '../../server/config/sync';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { keepBlankCluster } from './helpers/pglite-cache';
import { demoConfig } from './helpers/server';

const DAY = 24 * 3600_000;
let db: Db;
beforeAll(async () => {
  db = await openPglite('memory://');
  await keepBlankCluster();
  await migrate(db);
  await syncConfig(db, demoConfig());
});
afterAll(() => db.close());

describe('sign-in tokens', () => {
  it('stores only the token’s SHA-256', async () => {
    const token = await issueToken(db, 'alice', Date.now(), 30);
    const rows = await db.query<{ token_hash: string }>(`SELECT token_hash FROM auth_tokens WHERE agent_id = 'alice'`);
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('expires after its lifetime unless used, each use extending it', async () => {
    const now = Date.now();
    const idle = await issueToken(db, 'bob', now, 30);
    expect(await verifyToken(db, idle, now + 29 * DAY, 30)).toBe('bob');
    // Used on day 29: good until day 59.
    expect(await verifyToken(db, idle, now + 58 * DAY, 30)).toBe('bob');
    expect(await verifyToken(db, idle, now + 58 * DAY + 31 * DAY, 30)).toBeUndefined();
  });

  it('is refused once revoked, or when its agent left the configuration', async () => {
    const now = Date.now();
    const revoked = await issueToken(db, 'alice', now, 30);
    expect(await revokeToken(db, revoked)).toBe('alice');
    expect(await verifyToken(db, revoked, now, 30)).toBeUndefined();

    const bobs = await issueToken(db, 'bob', now, 30);
    await syncConfig(db, demoConfig((c) => c.agents.splice(1, 1)));
    expect(await verifyToken(db, bobs, now, 30)).toBeUndefined();
  });
});
