import type { ServerContext } from '../context';
import { appendEvent } from '../domain/events';
import { createInteraction } from '../domain/interactions';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { currentContactId } from '../history/access';
import { makeOffer } from '../routing/offers';
import { routeWaiting } from '../routing/route';
import { initialCaseData } from '../wrapup/case-data';
import { CALLBACK_DUE, type CallbackRow } from './store';

/** Whether the agent can take one more offer now: active, Ready, at their desk, under capacity. */
async function canTakeOffer(work: Work, agentId: string): Promise<boolean> {
  const [agent] = await work.tx.query<{ capacity: unknown; load: unknown }>(
    `SELECT a.capacity,
            (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id AND i.state = 'assigned')
          + (SELECT count(*) FROM offers o WHERE o.agent_id = a.id AND o.state = 'pending') AS load
     FROM agents a WHERE a.id = $1 AND a.active AND a.status = 'ready' FOR UPDATE`,
    [agentId],
  );
  return !!agent && Number(agent.load) < Number(agent.capacity) && work.ctx.presence.mayReceiveOffers(agentId, work.now);
}

/**
 * A callback fell due: a callback interaction (with the note, on the contact's history) is
 * offered to the agent who scheduled it, or, when they cannot take it now, waits in its queue
 * for whoever can.
 */
export async function deliverCallback(work: Work, callbackId: string): Promise<void> {
  const [callback] = await work.tx.query<CallbackRow>(`SELECT * FROM callbacks WHERE id = $1 AND state = 'scheduled' FOR UPDATE`, [callbackId]);
  if (!callback) return;
  const [number] = await work.tx.query<{ mode: 'page' | 'session'; queue: string }>('SELECT mode, queue FROM centre_numbers WHERE number = $1', [
    callback.centre_number,
  ]);
  const [agent] = await work.tx.query<{ name: string }>('SELECT name FROM agents WHERE id = $1', [callback.agent_id]);
  const interactionId = await createInteraction(work, {
    mode: number?.mode ?? 'session',
    channel: 'sms',
    customerPhone: callback.phone,
    centreNumber: callback.centre_number,
    queue: number?.queue ?? callback.queue,
    ...(callback.contact_id ? { contactId: await currentContactId(work.tx, callback.contact_id) } : {}),
    caseData: initialCaseData(work.ctx.config, callback.centre_number, undefined),
    callbackId,
  });
  await appendSystemEntry(work, interactionId, 'callback_offered', { name: agent?.name ?? callback.agent_id });
  await work.tx.query(`UPDATE callbacks SET state = 'offered', interaction_id = $2, ended_at = $3 WHERE id = $1`, [
    callbackId,
    interactionId,
    work.now,
  ]);
  await appendEvent(work, callback.agent_id, { type: 'callbackEnded', callbackId, reason: 'due' });
  if (await canTakeOffer(work, callback.agent_id)) await makeOffer(work, interactionId, callback.agent_id);
  else await routeWaiting(work);
}

export function registerCallbackDeadlines(ctx: ServerContext): void {
  ctx.scheduler.registerDeadlineKind(CALLBACK_DUE, deliverCallback);
}
