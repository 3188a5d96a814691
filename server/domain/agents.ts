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
  name: string;
  status: 'ready' | 'not_ready';
  active: boolean;
  capacity: number;
  /** Assigned interactions plus pending offers (new ones and transfers). */
  load: number;
}

/** Status and load of the given agents (all active agents when `ids` is omitted). */
export async function agentLoads(q: Queryable, ids?: readonly string[]): Promise<AgentLoad[]> {
  const rows = await q.query<{ id: string; name: string; status: 'ready' | 'not_ready'; active: boolean; capacity: unknown; load: unknown }>(
    `SELECT a.id, a.name, a.status, a.active, a.capacity,
            (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id AND i.state = 'assigned')
          + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.state = 'pending') AS load
     FROM agents a WHERE ${ids ? 'a.id = ANY($1::text[])' : 'a.active'} ORDER BY a.id`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({ ...r, capacity: Number(r.capacity), load: Number(r.load) }));
}

/** Connected, or disconnected for less than the presence grace. */
export function isPresent(work: Work, agentId: string): boolean {
  return work.ctx.presence.mayReceiveOffers(agentId, work.now);
}
