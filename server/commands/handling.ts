import { segmentSms } from '../../lib/sms/segments';
import { requireConsent } from '../consent/state';
import { queueOutbound } from '../delivery/queue';
import { agentRef } from '../domain/agents';
import { announceEntry } from '../domain/announce';
import { requireChannel } from '../domain/channels';
import { releaseInteraction } from '../domain/closing';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { appendMessage, closeInteraction, isEndedSession, lockInteraction } from '../domain/interactions';
import { myOpenInteraction } from '../domain/ownership';
import { touchSession } from '../domain/session';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { routeWaiting } from '../routing/route';
import { requireDisposition } from '../wrapup/disposition';

/**
 * Stores the reply in the transcript and in the outbound queue (handed to the gateway after
 * commit) as the SMS segments a carrier will deliver; in page mode the reply ends the interaction,
 * in session mode it restarts the inactivity time. The panel enforces the configured maximum
 * number of SMS; the server checks it again.
 */
export async function replyToCustomer(
  work: Work,
  agentId: string,
  interactionId: string,
  text: string,
  /** New SMS: the first text of a conversation the agent starts leaves a page-mode interaction open for the answer. */
  options: { keepOpen?: boolean } = {},
): Promise<{ entryId: string; segments: number; encoding: string }> {
  const interaction = await myOpenInteraction(work, agentId, interactionId);
  await requireConsent(work.tx, interaction.customer_phone, interaction.centre_number);
  const completes = interaction.mode === 'page' && !options.keepOpen;
  if (completes) requireDisposition(work, interaction, 'reply');
  const { encoding, segments } = segmentSms(text);
  const { maxMessages } = work.ctx.config.compose;
  if (segments.length > maxMessages) {
    throw new DomainError(
      'bad_request',
      `This reply needs ${segments.length} SMS (${encoding}); the limit is ${maxMessages}. Shorten it and send it again.`,
    );
  }
  // Agents answer an MMS with an SMS: they never send pictures.
  await requireChannel(work.tx, 'sms', 'your reply was not sent');
  const entry = await appendMessage(work, interactionId, {
    direction: 'out',
    author: { role: 'agent', ...(await agentRef(work.tx, agentId)) },
    text,
    segments: segments.length,
    delivery: { state: 'queued', ...(segments.length > 1 ? { delivered: 0, parts: segments.length } : {}) },
  });
  await queueOutbound(work, { entryId: entry.id, interactionId, from: interaction.centre_number, to: interaction.customer_phone, text, attempt: 1 });
  await announceEntry(work, interactionId, agentId, entry);
  if (completes) await closeAndReroute(work, agentId, interactionId, 'replied');
  else await touchSession(work, interaction);
  return { entryId: entry.id, segments: segments.length, encoding };
}

/** Closes the interaction; on a session already ended by inactivity, takes it off the desk. */
export async function markDone(work: Work, agentId: string, interactionId: string): Promise<void> {
  const interaction = await lockInteraction(work, interactionId);
  if (interaction.agent_id === agentId && isEndedSession(interaction)) {
    if (interaction.dismissed_at !== null) throw new DomainError('conflict', 'This interaction is already closed.');
    requireDisposition(work, interaction, 'done');
    await work.tx.query('UPDATE interactions SET dismissed_at = $2 WHERE id = $1', [interactionId, work.now]);
    await appendEvent(work, agentId, { type: 'interactionClosed', interactionId, reason: 'inactivity' });
    return;
  }
  requireDisposition(work, await myOpenInteraction(work, agentId, interactionId), 'done');
  await closeAndReroute(work, agentId, interactionId, 'done');
}

async function closeAndReroute(work: Work, agentId: string, interactionId: string, reason: 'done' | 'replied') {
  await releaseInteraction(work, interactionId);
  await appendSystemEntry(work, interactionId, 'agent_left', { name: (await agentRef(work.tx, agentId)).name });
  await closeInteraction(work, interactionId, reason);
  await appendEvent(work, agentId, { type: 'interactionClosed', interactionId, reason });
  // The agent has room for one more.
  await routeWaiting(work);
}
