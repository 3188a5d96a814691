import type { AgentEvent } from '../../lib/protocol';
import { json, type Queryable } from '../db/db';
import type { Work } from './work';

export interface StoredEvent {
  seq: number;
  at: number;
  event: AgentEvent;
}

/**
 * Records an event for one agent with the next seq, in the caller's transaction. The row lock
 * taken by the UPDATE orders concurrent writers, so seqs never repeat or skip.
 */
export async function appendEvent(work: Work, agentId: string, event: AgentEvent): Promise<number> {
  const [row] = await work.tx.query<{ last_seq: unknown }>(
    'UPDATE agents SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
    [agentId],
  );
  if (!row) throw new Error(`appendEvent: no agent ${agentId}`);
  const seq = Number(row.last_seq);
  await work.tx.query('INSERT INTO agent_events (agent_id, seq, at, event) VALUES ($1, $2, $3, $4::jsonb)', [
    agentId,
    seq,
    work.now,
    json(event),
  ]);
  work.agentsWithNewEvents.add(agentId);
  return seq;
}

/** Sends the same event to every active agent (e.g. a channel went down). */
export async function broadcastEvent(work: Work, event: AgentEvent): Promise<void> {
  const agents = await work.tx.query<{ id: string }>('SELECT id FROM agents WHERE active ORDER BY id');
  for (const agent of agents) await appendEvent(work, agent.id, event);
}

export async function readEventsAfter(q: Queryable, agentId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await q.query<{ seq: unknown; at: unknown; event: AgentEvent }>(
    'SELECT seq, at, event FROM agent_events WHERE agent_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [agentId, afterSeq, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), event: r.event }));
}

/**
 * Whether the events after `lastSeq` can be replayed: the client's position exists (not newer
 * than ours: a reset) and the next event is still stored (not pruned).
 */
export async function canReplayFrom(q: Queryable, agentId: string, lastSeq: number): Promise<boolean> {
  if (lastSeq <= 0) return false;
  const [agent] = await q.query<{ last_seq: unknown }>('SELECT last_seq FROM agents WHERE id = $1', [agentId]);
  const newest = Number(agent?.last_seq ?? 0);
  if (lastSeq > newest) return false;
  if (lastSeq === newest) return true;
  const next = await q.query('SELECT 1 FROM agent_events WHERE agent_id = $1 AND seq = $2', [agentId, lastSeq + 1]);
  return next.length > 0;
}

/** Records the agent's acknowledgement (never moving backwards, never past what exists). */
export async function recordAck(q: Queryable, agentId: string, seq: number): Promise<void> {
  await q.query('UPDATE agents SET acked_seq = LEAST(GREATEST(acked_seq, $2), last_seq) WHERE id = $1', [agentId, seq]);
}

/**
 * Deletes events that every client of the agent acknowledged, that are older than the retention
 * window and that are not among the newest `keepAtLeast`.
 */
export async function pruneEvents(
  q: Queryable,
  now: number,
  retention: { retentionHours: number; keepAtLeast: number },
): Promise<number> {
  const cutoff = now - retention.retentionHours * 3600_000;
  const rows = await q.query(
    `DELETE FROM agent_events e USING agents a
     WHERE e.agent_id = a.id AND e.seq <= a.acked_seq AND e.seq <= a.last_seq - $1 AND e.at < $2
     RETURNING e.seq`,
    [retention.keepAtLeast, cutoff],
  );
  return rows.length;
}
