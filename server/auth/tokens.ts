import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

// Bearer tokens: 32 random bytes given to the client once; only their SHA-256 is stored, so a
// copy of the database does not sign anyone in. Expiry slides with use.

const DAY = 24 * 3600_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function issueToken(q: Queryable, agentId: string, now: number, lifetimeDays: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query('INSERT INTO auth_tokens (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    agentId,
    now,
    now + lifetimeDays * DAY,
  ]);
  // Expired tokens of this agent are of no use to anyone.
  await q.query('DELETE FROM auth_tokens WHERE agent_id = $1 AND expires_at < $2', [agentId, now]);
  return token;
}

/** The active agent the token belongs to, extending its expiry; undefined when unknown or expired. */
export async function verifyToken(q: Queryable, token: string, now: number, lifetimeDays: number): Promise<string | undefined> {
  if (!token) return undefined;
  const [row] = await q.query<{ agent_id: string; expires_at: unknown }>(
    `SELECT t.agent_id, t.expires_at FROM auth_tokens t JOIN agents a ON a.id = t.agent_id
     WHERE t.token_hash = $1 AND a.active`,
    [hashToken(token)],
  );
  if (!row || Number(row.expires_at) <= now) return undefined;
  const renewed = now + lifetimeDays * DAY;
  // Written at most about once an hour per token, not on every connection.
  if (renewed - Number(row.expires_at) > 3600_000) {
    await q.query('UPDATE auth_tokens SET expires_at = $2 WHERE token_hash = $1', [hashToken(token), renewed]);
  }
  return row.agent_id;
}

export async function revokeToken(q: Queryable, token: string): Promise<string | undefined> {
  const [row] = await q.query<{ agent_id: string }>('DELETE FROM auth_tokens WHERE token_hash = $1 RETURNING agent_id', [hashToken(token)]);
  return row?.agent_id;
}
