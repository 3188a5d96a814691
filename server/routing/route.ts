import type { Work } from '../domain/work';
import { Scheduler } from '../timers/scheduler';
import { makeOffer } from './offers';

export const ROUTING_RETRY = 'routing.retry';

/** Interactions routed per pass; a pass runs inside the transaction of the change that caused it. */
const MAX_PER_PASS = 200;

/**
 * Offers waiting interactions, oldest first, to agents who may take them: active, Ready, present,
 * in the interaction's queue, under capacity (assigned + offered), and not among those who turned
 * this interaction down less than `reofferAfterSeconds` ago. Among them the least loaded, then
 * the one offered longest ago. Called after every change that can make routing possible.
 */
export async function routeWaiting(work: Work): Promise<void> {
  const { presence, config } = work.ctx;
  const declinedSince = work.now - config.routing.reofferAfterSeconds * 1000;
  const waiting = await work.tx.query<{ id: string; queue: string }>(
    `SELECT id, queue FROM interactions WHERE state = 'waiting' ORDER BY created_at, id LIMIT $1 FOR UPDATE`,
    [MAX_PER_PASS],
  );
  for (const interaction of waiting) {
    const candidates = await work.tx.query<{ id: string; capacity: unknown; load: unknown }>(
      `SELECT a.id, a.capacity,
              (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id AND i.state = 'assigned')
            + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.state = 'pending') AS load
       FROM agents a JOIN agent_queues q ON q.agent_id = a.id AND q.queue = $1
       WHERE a.active AND a.status = 'ready'
         AND NOT EXISTS (SELECT 1 FROM offers d WHERE d.interaction_id = $2 AND d.agent_id = a.id
                         AND d.state IN ('rejected', 'timeout') AND d.ended_at > $3)
       ORDER BY load, a.last_offered_at, a.id
       FOR UPDATE OF a`,
      [interaction.queue, interaction.id, declinedSince],
    );
    const agent = candidates.find(
      (c) => Number(c.load) < Number(c.capacity) && presence.mayReceiveOffers(c.id, work.now),
    );
    if (agent) {
      await makeOffer(work, interaction.id, agent.id);
    } else {
      await scheduleRetryAfterDeclines(work, interaction.id, declinedSince);
    }
  }
}

/**
 * Nobody can take the interaction now. If someone is held back only by a recent decline, try
 * again when that hold ends (a stored deadline, like every timer).
 */
async function scheduleRetryAfterDeclines(work: Work, interactionId: string, declinedSince: number): Promise<void> {
  const [row] = await work.tx.query<{ first: unknown }>(
    `SELECT min(ended_at) AS first FROM offers
     WHERE interaction_id = $1 AND state IN ('rejected', 'timeout') AND ended_at > $2`,
    [interactionId, declinedSince],
  );
  if (row?.first === null || row?.first === undefined) return;
  const holdEnds = Number(row.first) + work.ctx.config.routing.reofferAfterSeconds * 1000 + 1;
  await Scheduler.schedule(work, ROUTING_RETRY, interactionId, holdEnds);
}
