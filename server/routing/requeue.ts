import type { ServerContext } from '../context';
import { agentRef } from '../domain/agents';
import { releaseInteraction } from '../domain/closing';
import { appendEvent } from '../domain/events';
import { appendSystemEntry } from '../domain/system-entries';
import { runWork, type Work } from '../domain/work';
import { Scheduler } from '../timers/scheduler';
import { routeWaiting } from './route';

export const AGENT_ABSENT = 'agent.absent';

/**
 * Work is never stranded on an absent agent: the interactions assigned to one who signed out (or
 * whose every connection has been gone for routing.requeueAbsentAfterSeconds) go back to waiting,
 * with a line in the transcript, leave the agent's desk (`interactionClosed {reason: 'requeued'}`)
 * and are routed to others in the same transaction.
 */
export async function returnInteractionsToQueue(work: Work, agentId: string, reason: 'signed_out' | 'absent'): Promise<number> {
  const rows = await work.tx.query<{ id: string }>(`SELECT id FROM interactions WHERE agent_id = $1 AND state = 'assigned' ORDER BY created_at FOR UPDATE`, [
    agentId,
  ]);
  if (rows.length === 0) return 0;
  const agent = await agentRef(work.tx, agentId);
  for (const { id } of rows) {
    await releaseInteraction(work, id);
    await appendSystemEntry(work, id, 'returned_to_queue', { name: agent.name, reason });
    await work.tx.query(`UPDATE interactions SET state = 'waiting', agent_id = NULL, accepted_at = NULL WHERE id = $1`, [id]);
    await appendEvent(work, agentId, { type: 'interactionClosed', interactionId: id, reason: 'requeued' });
  }
  await routeWaiting(work);
  return rows.length;
}

/** The absence deadline: armed when an agent's last connection closes, cancelled when one opens. */
export function registerAbsenceDeadlines(ctx: ServerContext): void {
  ctx.scheduler.registerDeadlineKind(AGENT_ABSENT, async (work, agentId) => {
    if (ctx.presence.isConnected(agentId)) return;
    const moved = await returnInteractionsToQueue(work, agentId, 'absent');
    if (moved > 0) ctx.log(`routing: ${moved} interaction(s) of ${agentId} back to the queue after ${ctx.config.routing.requeueAbsentAfterSeconds} s away`);
  });
}

export async function agentLeft(ctx: ServerContext, agentId: string): Promise<void> {
  const after = ctx.config.routing.requeueAbsentAfterSeconds;
  if (after === 0 || ctx.presence.isConnected(agentId)) return;
  await runWork(ctx, (work) => Scheduler.schedule(work, AGENT_ABSENT, agentId, work.now + after * 1000));
}

export const agentBack = (work: Work, agentId: string): Promise<void> => Scheduler.cancel(work, AGENT_ABSENT, agentId);
