import { DEFAULT_SESSION_INACTIVITY_SECONDS } from '../config/schema';
import type { ServerContext } from '../context';
import { routeWaiting } from '../routing/route';
import { Scheduler } from '../timers/scheduler';
import { releaseInteraction } from './closing';
import { appendEvent } from './events';
import { closeInteraction, type InteractionRow } from './interactions';
import { appendSystemEntry } from './system-entries';
import type { Work } from './work';

/** Stored deadline kind: a session-mode interaction whose silence lasted its inactivity time. */
export const SESSION_INACTIVE = 'session.inactive';

async function inactivitySeconds(work: Work, centreNumber: string): Promise<number> {
  const [row] = await work.tx.query<{ session_inactivity_seconds: unknown }>(
    'SELECT session_inactivity_seconds FROM centre_numbers WHERE number = $1',
    [centreNumber],
  );
  return Number(row?.session_inactivity_seconds ?? DEFAULT_SESSION_INACTIVITY_SECONDS);
}

/**
 * (Re)starts a session's inactivity time: stored on the interaction (so the panel can show it)
 * and as a deadline (so a restart neither loses nor resets it). Page mode has none.
 */
export async function armInactivity(work: Work, interaction: Pick<InteractionRow, 'id' | 'mode' | 'centre_number'>): Promise<number | undefined> {
  if (interaction.mode !== 'session') return undefined;
  const deadline = work.now + (await inactivitySeconds(work, interaction.centre_number)) * 1000;
  await work.tx.query('UPDATE interactions SET inactivity_deadline = $2 WHERE id = $1', [interaction.id, deadline]);
  await Scheduler.schedule(work, SESSION_INACTIVE, interaction.id, deadline);
  return deadline;
}

/** An SMS went either way: the silence starts again, and the owner's panel learns the new deadline. */
export async function touchSession(work: Work, interaction: Pick<InteractionRow, 'id' | 'mode' | 'centre_number' | 'agent_id'>): Promise<void> {
  const deadline = await armInactivity(work, interaction);
  if (deadline === undefined || !interaction.agent_id) return;
  await appendEvent(work, interaction.agent_id, { type: 'interactionUpdated', interactionId: interaction.id, inactivityDeadline: deadline });
}

export async function disarmInactivity(work: Work, interactionId: string): Promise<void> {
  await work.tx.query('UPDATE interactions SET inactivity_deadline = NULL WHERE id = $1 AND inactivity_deadline IS NOT NULL', [interactionId]);
  await Scheduler.cancel(work, SESSION_INACTIVE, interactionId);
}

export function registerSessionDeadlines(ctx: ServerContext): void {
  ctx.scheduler.registerDeadlineKind(SESSION_INACTIVE, endSessionForInactivity);
}

/**
 * The session was silent for its whole inactivity time: the transcript says so and the session
 * ends (capacity freed; the customer's next SMS starts a new one). The agent keeps it on the
 * desk, read-only, until they mark it done.
 */
async function endSessionForInactivity(work: Work, interactionId: string): Promise<void> {
  const [interaction] = await work.tx.query<Pick<InteractionRow, 'id' | 'state' | 'agent_id' | 'centre_number' | 'inactivity_deadline'>>(
    'SELECT id, state, agent_id, centre_number, inactivity_deadline FROM interactions WHERE id = $1 FOR UPDATE',
    [interactionId],
  );
  const ownerId = interaction?.agent_id;
  if (!interaction || interaction.state !== 'assigned' || !ownerId) return;
  if (interaction.inactivity_deadline === null || Number(interaction.inactivity_deadline) > work.now) return;
  await releaseInteraction(work, interactionId);
  const seconds = await inactivitySeconds(work, interaction.centre_number);
  const entry = await appendSystemEntry(work, interactionId, 'session_ended_inactivity', { seconds: String(seconds) });
  await closeInteraction(work, interactionId, 'inactivity');
  await appendEvent(work, ownerId, { type: 'transcriptAppended', interactionId, entry });
  await appendEvent(work, ownerId, {
    type: 'interactionUpdated',
    interactionId,
    ended: { at: work.now, reason: 'inactivity' },
    inactivityDeadline: null,
    transfer: null,
  });
  await routeWaiting(work);
}
