import type { AgentState, AgentStatus, Offer } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { agentRef } from './agents';
import { readChannels } from './channels';
import { scheduledCallbacksOf } from '../callbacks/store';
import { openConsultationsOf } from './consultation';
import { loadInteractions } from './interactions';
import { undeliveredRepliesOf } from '../delivery/undelivered-replies';

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
  const offerRows = await q.query<{ interaction_id: string; offered_at: unknown; expires_at: unknown; transfer_id: string | null; from_agent: string | null }>(
    `SELECT o.interaction_id, o.offered_at, o.expires_at, o.transfer_id, t.from_agent
     FROM offers o LEFT JOIN transfers t ON t.id = o.transfer_id
     WHERE o.agent_id = $1 AND o.state = 'pending' ORDER BY o.offered_at`,
    [agentId],
  );
  const offered = await loadInteractions(q, 'i.id = ANY($1::text[])', [offerRows.map((o) => o.interaction_id)]);
  const offers: Offer[] = [];
  for (const row of offerRows) {
    const interaction = offered.find((i) => i.id === row.interaction_id);
    if (!interaction) continue;
    const transfer = row.transfer_id && row.from_agent ? { id: row.transfer_id, from: await agentRef(q, row.from_agent) } : undefined;
    offers.push({ interaction, offeredAt: Number(row.offered_at), expiresAt: Number(row.expires_at), ...(transfer ? { transfer } : {}) });
  }
  // Open ones, and sessions ended by inactivity that the agent has not marked done yet.
  const interactions = await loadInteractions(
    q,
    `i.agent_id = $1 AND (i.state = 'assigned' OR (i.state = 'closed' AND i.close_reason = 'inactivity' AND i.dismissed_at IS NULL))
     ORDER BY i.accepted_at, i.id`,
    [agentId],
  );
  return {
    seq: Number(agent.last_seq),
    state: {
      agent: { id: agent.id, username: agent.username, name: agent.name },
      status: agent.status,
      channels: await readChannels(q),
      offers,
      interactions,
      callbacks: await scheduledCallbacksOf(q, agentId),
      consultations: await openConsultationsOf(q, agentId),
      undeliveredReplies: await undeliveredRepliesOf(q, agentId),
    },
  };
}
