import { randomUUID } from 'node:crypto';
import { requireChannel } from '../domain/channels';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { appendMessage, closeInteraction, lockInteraction, type InteractionRow } from '../domain/interactions';
import type { Work } from '../domain/work';
import { routeWaiting } from '../routing/route';
import { requireDisposition } from '../wrapup/disposition';

/** The interaction if this agent handles it now; otherwise why not. */
async function myOpenInteraction(work: Work, agentId: string, interactionId: string): Promise<InteractionRow> {
  const interaction = await lockInteraction(work, interactionId);
  if (interaction.agent_id !== agentId) {
    throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  }
  if (interaction.state === 'closed') throw new DomainError('conflict', 'This interaction is already closed.');
  return interaction;
}

/**
 * Stores the reply in the transcript and in the outbound queue (handed to the gateway after
 * commit); in page mode the reply ends the interaction.
 */
export async function replyToCustomer(work: Work, agentId: string, interactionId: string, text: string): Promise<{ entryId: string }> {
  const interaction = await myOpenInteraction(work, agentId, interactionId);
  if (interaction.mode === 'page') requireDisposition(work, interaction, 'reply');
  await requireChannel(work.tx, interaction.channel === 'mms' ? 'mms' : 'sms', 'your reply was not sent');
  const [agent] = await work.tx.query<{ name: string }>('SELECT name FROM agents WHERE id = $1', [agentId]);
  const entry = await appendMessage(work, interactionId, {
    direction: 'out',
    author: { role: 'agent', agentId, name: agent?.name ?? agentId },
    text,
  });
  await work.tx.query(
    `INSERT INTO outbound_messages (id, interaction_id, from_number, to_number, text, created_at, state)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending')`,
    [randomUUID(), interactionId, interaction.centre_number, interaction.customer_phone, text, work.now],
  );
  work.outboundQueued = true;
  await appendEvent(work, agentId, { type: 'transcriptAppended', interactionId, entry });
  if (interaction.mode === 'page') await closeAndReroute(work, agentId, interactionId, 'replied');
  return { entryId: entry.id };
}

export async function markDone(work: Work, agentId: string, interactionId: string): Promise<void> {
  const interaction = await myOpenInteraction(work, agentId, interactionId);
  requireDisposition(work, interaction, 'done');
  await closeAndReroute(work, agentId, interactionId, 'done');
}

async function closeAndReroute(work: Work, agentId: string, interactionId: string, reason: 'done' | 'replied') {
  await closeInteraction(work, interactionId, reason);
  await appendEvent(work, agentId, { type: 'interactionClosed', interactionId, reason });
  // The agent has room for one more.
  await routeWaiting(work);
}
