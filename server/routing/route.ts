import type { Work } from '../domain/work';
import { Scheduler } from '../timers/scheduler';
import { makeOffer } from './offers';

export const ROUTING_RETRY = 'routing.retry';

/** Interactions considered per pass; a pass runs inside the transaction of the change that caused it. */
const MAX_PER_PASS = 200;

interface Candidate {
  id: string;
  free: number;
  lastOfferedAt: number;
  queues: Set<string>;
}

/**
 * Offers waiting interactions, oldest first, to agents who may take them: active, Ready, present,
 * in the interaction's queue, under capacity (assigned + offered), and not among those who turned
 * this interaction down less than `reofferAfterSeconds` ago. Among them the one with the most
 * room, then the one offered longest ago. Runs after every change that can make routing possible
 * (new interaction, Ready, connect, capacity freed, offer ended); costs one query when nobody can
 * take anything.
 */
export async function routeWaiting(work: Work): Promise<void> {
  const candidates = await availableAgents(work);
  if (candidates.length === 0) return;
  const waiting = await work.tx.query<{ id: string; queue: string }>(
    `SELECT id, queue FROM interactions WHERE state = 'waiting' ORDER BY created_at, id LIMIT $1 FOR UPDATE`,
    [MAX_PER_PASS],
  );
  if (waiting.length === 0) return;
  const declinedSince = work.now - work.ctx.config.routing.reofferAfterSeconds * 1000;
  const declines = await work.tx.query<{ interaction_id: string; agent_id: string; ended_at: unknown }>(
    `SELECT interaction_id, agent_id, ended_at FROM offers
     WHERE interaction_id = ANY($1::text[]) AND state IN ('rejected', 'timeout') AND ended_at > $2`,
    [waiting.map((w) => w.id), declinedSince],
  );

  for (const interaction of waiting) {
    const held = declines.filter((d) => d.interaction_id === interaction.id);
    const agent = candidates
      .filter((c) => c.free > 0 && c.queues.has(interaction.queue) && !held.some((d) => d.agent_id === c.id))
      .sort((a, b) => b.free - a.free || a.lastOfferedAt - b.lastOfferedAt || a.id.localeCompare(b.id))[0];
    if (agent) {
      await makeOffer(work, interaction.id, agent.id);
      agent.free -= 1;
      agent.lastOfferedAt = work.now;
    } else if (held.length > 0) {
      // Only a recent decline holds it back: try again when that hold ends (a stored deadline).
      const firstDecline = Math.min(...held.map((d) => Number(d.ended_at)));
      await Scheduler.schedule(work, ROUTING_RETRY, interaction.id, firstDecline + work.ctx.config.routing.reofferAfterSeconds * 1000 + 1);
    }
    if (!candidates.some((c) => c.free > 0)) return;
  }
}

/** Ready, active, present agents with room for one more, locked for this transaction. */
async function availableAgents(work: Work): Promise<Candidate[]> {
  const rows = await work.tx.query<{ id: string; capacity: unknown; last_offered_at: unknown; load: unknown }>(
    `SELECT a.id, a.capacity, a.last_offered_at,
            (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id AND i.state = 'assigned')
          + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.state = 'pending') AS load
     FROM agents a WHERE a.active AND a.status = 'ready'
     ORDER BY a.id FOR UPDATE`,
  );
  const present = rows.filter((r) => Number(r.load) < Number(r.capacity) && work.ctx.presence.mayReceiveOffers(r.id, work.now));
  if (present.length === 0) return [];
  const memberships = await work.tx.query<{ agent_id: string; queue: string }>(
    'SELECT agent_id, queue FROM agent_queues WHERE agent_id = ANY($1::text[])',
    [present.map((r) => r.id)],
  );
  return present.map((r) => ({
    id: r.id,
    free: Number(r.capacity) - Number(r.load),
    lastOfferedAt: Number(r.last_offered_at),
    queues: new Set(memberships.filter((m) => m.agent_id === r.id).map((m) => m.queue)),
  }));
}
