import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../lib/protocol';
import { appendEvent } from '../domain/events';
import type { Work } from '../domain/work';
import { Scheduler } from '../timers/scheduler';
import { myAssignedInteraction } from '../wrapup/ownership';
import { CALLBACK_DUE, checkDueAt, checkTimeZone, loadCallback, myScheduledCallback, toScheduledCallback } from './store';

/**
 * Schedules a callback from an interaction the agent handles: at `dueAt` the server offers a
 * callback interaction with the note, on the same contact-centre number and queue. The due time
 * is a stored deadline, so a restart neither loses nor delays it.
 */
export async function scheduleCallback(work: Work, agentId: string, command: CommandOf<'scheduleCallback'>): Promise<{ callbackId: string }> {
  const interaction = await myAssignedInteraction(work, agentId, command.interactionId);
  checkDueAt(command.dueAt, work.now);
  checkTimeZone(command.timeZone);
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO callbacks (id, agent_id, contact_id, phone, centre_number, queue, note, due_at, time_zone, source_interaction_id, state, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'scheduled', $11)`,
    [
      id,
      agentId,
      interaction.contact_id,
      command.phone,
      interaction.centre_number,
      interaction.queue,
      command.note,
      command.dueAt,
      command.timeZone,
      interaction.id,
      work.now,
    ],
  );
  await Scheduler.schedule(work, CALLBACK_DUE, id, command.dueAt);
  await appendEvent(work, agentId, { type: 'callbackScheduled', callback: toScheduledCallback((await loadCallback(work.tx, id))!) });
  return { callbackId: id };
}

export async function moveCallback(work: Work, agentId: string, command: CommandOf<'moveCallback'>): Promise<void> {
  const callback = await myScheduledCallback(work, agentId, command.callbackId);
  checkDueAt(command.dueAt, work.now);
  if (command.timeZone !== undefined) checkTimeZone(command.timeZone);
  await work.tx.query('UPDATE callbacks SET due_at = $2, time_zone = $3 WHERE id = $1', [callback.id, command.dueAt, command.timeZone ?? callback.time_zone]);
  await Scheduler.schedule(work, CALLBACK_DUE, callback.id, command.dueAt);
  await appendEvent(work, agentId, { type: 'callbackScheduled', callback: toScheduledCallback((await loadCallback(work.tx, callback.id))!) });
}

export async function cancelCallback(work: Work, agentId: string, command: CommandOf<'cancelCallback'>): Promise<void> {
  const callback = await myScheduledCallback(work, agentId, command.callbackId);
  await work.tx.query(`UPDATE callbacks SET state = 'cancelled', ended_at = $2 WHERE id = $1`, [callback.id, work.now]);
  await Scheduler.cancel(work, CALLBACK_DUE, callback.id);
  await appendEvent(work, agentId, { type: 'callbackEnded', callbackId: callback.id, reason: 'cancelled' });
}
