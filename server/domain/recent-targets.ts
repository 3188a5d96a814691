import type { Queryable } from '../db/db';
import type { Work } from './work';

/** How many recent targets each agent keeps. */
const KEPT = 10;

export interface RecentTarget {
  kind: 'agent' | 'queue';
  target: string;
  usedAt: number;
}

/** Remembers a transfer or consultation target for the agent, on the server so it follows them. */
export async function recordRecentTarget(work: Work, agentId: string, kind: 'agent' | 'queue', target: string): Promise<void> {
  await work.tx.query(
    `INSERT INTO agent_recent_targets (agent_id, target_kind, target, used_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agent_id, target_kind, target) DO UPDATE SET used_at = excluded.used_at`,
    [agentId, kind, target, work.now],
  );
  await work.tx.query(
    `DELETE FROM agent_recent_targets WHERE agent_id = $1 AND (target_kind, target) NOT IN (
       SELECT target_kind, target FROM agent_recent_targets WHERE agent_id = $1 ORDER BY used_at DESC LIMIT $2)`,
    [agentId, KEPT],
  );
}

export async function recentTargets(q: Queryable, agentId: string): Promise<RecentTarget[]> {
  const rows = await q.query<{ target_kind: 'agent' | 'queue'; target: string; used_at: unknown }>(
    'SELECT target_kind, target, used_at FROM agent_recent_targets WHERE agent_id = $1 ORDER BY used_at DESC',
    [agentId],
  );
  return rows.map((r) => ({ kind: r.target_kind, target: r.target, usedAt: Number(r.used_at) }));
}
