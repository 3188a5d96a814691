import type { AgentRef } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import type { Work } from './work';

/** An agent as transcripts, transfers and consultations name them. */
export async function agentRef(q: Queryable, agentId: string): Promise<AgentRef> {
  const [row] = await q.query<{ name: string }>('SELECT name FROM agents WHERE id = $1', [agentId]);
  return { agentId, name: row?.name ?? agentId };
}

export interface AgentLoad {
  id: string;
  username: string;
  name: string;
  status: 'ready' | 'not_ready';
  active: boolean;
  capacity: number;
  /** Assigned interactions plus pending offers (new ones and transfers). */
  load: number;
}

/** Status and load of the given agents (all active agents when `ids` is omitted). */
export async function agentLoads(q: Queryable, ids?: readonly string[]): Promise<AgentLoad[]> {
  // Grouped counts joined once, rather than two subqueries per agent: the whole directory is
  // read on every Team Communicator keystroke (bench/team-search.ts).
  const rows = await q.query<{ id: string; username: string; name: string; status: 'ready' | 'not_ready'; active: boolean; capacity: unknown; load: unknown }>(
    `SELECT a.id, a.username, a.name, a.status, a.active, a.capacity, COALESCE(i.n, 0) + COALESCE(o.n, 0) AS load
     FROM agents a
     LEFT JOIN (SELECT agent_id, count(*) AS n FROM interactions WHERE state = 'assigned' GROUP BY agent_id) i ON i.agent_id = a.id
     LEFT JOIN (SELECT agent_id, count(*) AS n FROM offers WHERE state = 'pending' GROUP BY agent_id) o ON o.agent_id = a.id
     WHERE ${ids ? 'a.id = ANY($1::text[])' : 'a.active'} ORDER BY a.id`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({ ...r, capacity: Number(r.capacity), load: Number(r.load) }));
}

/** Connected, or disconnected for less than the presence grace. */
export function isPresent(work: Work, agentId: string): boolean {
  return work.ctx.presence.mayReceiveOffers(agentId, work.now);
}
