import type { AgentState, AgentStatus, Offer } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { readChannels } from './channels';
import { scheduledCallbacksOf } from '../callbacks/store';
import { loadInteractions } from './interactions';

/**
 * The agent's whole state as of its newest event seq. Read in one transaction so that the state
 * and the seq agree (on PostgreSQL it needs REPEATABLE READ; PGlite runs one transaction at a time).
 */
export async function buildSnapshot(q: Queryable, agentId: string): Promise<{ seq: number; state: AgentState }> {
  const [agent] = await q.query<{ id: string; username: string; name: string; status: AgentStatus; last_seq: unknown }>(
    'SELECT id, username, name, status, last_seq FROM agents WHERE id = $1',
    [agentId],
  );
  if (!agent) throw new Error(`buildSnapshot: no agent ${agentId}`);
  const offerRows = await q.query<{ interaction_id: string; offered_at: unknown; expires_at: unknown }>(
    `SELECT interaction_id, offered_at, expires_at FROM offers WHERE agent_id = $1 AND state = 'pending' ORDER BY offered_at`,
    [agentId],
  );
  const offered = await loadInteractions(q, 'i.id = ANY($1::text[])', [offerRows.map((o) => o.interaction_id)]);
  const offers: Offer[] = offerRows.flatMap((row) => {
    const interaction = offered.find((i) => i.id === row.interaction_id);
    return interaction ? [{ interaction, offeredAt: Number(row.offered_at), expiresAt: Number(row.expires_at) }] : [];
  });
  const interactions = await loadInteractions(q, `i.agent_id = $1 AND i.state = 'assigned' ORDER BY i.accepted_at, i.id`, [
    agentId,
  ]);
  return {
    seq: Number(agent.last_seq),
    state: {
      agent: { id: agent.id, username: agent.username, name: agent.name },
      status: agent.status,
      channels: await readChannels(q),
      offers,
      interactions,
      callbacks: await scheduledCallbacksOf(q, agentId),
    },
  };
}
