import { deliveryFailed, type DeliveryStatus } from '../../lib/protocol';
import { requireConsent } from '../consent/state';
import { json } from '../db/db';
import { agentRef } from '../domain/agents';
import { announceEntry } from '../domain/announce';
import { requireChannel } from '../domain/channels';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { lockInteraction } from '../domain/interactions';
import { myOpenInteraction } from '../domain/ownership';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { queueOutbound } from './queue';
import { followUndeliveredReply, isOffDesk, myUndeliveredReply } from './undelivered-replies';

/**
 * Resend: a reply that did not reach the customer goes again as a new attempt (a new outbound
 * row with `attempt` + 1, its own parts and states), and the transcript records who resent it.
 * Only a reply that is not delivered (or only partly) can be resent; all its parts go again. The
 * agent must have the interaction, or, once it left the desk, the reply's undelivered alert.
 */
export async function resendReply(work: Work, agentId: string, interactionId: string, entryId: string): Promise<{ attempt: number }> {
  const offDesk = isOffDesk(await lockInteraction(work, interactionId));
  const interaction = offDesk ? await myUndeliveredReply(work, agentId, interactionId, entryId) : await myOpenInteraction(work, agentId, interactionId);
  const [entry] = await work.tx.query<{ text: string; direction: string; delivery: DeliveryStatus | null }>(
    `SELECT text, direction, delivery FROM transcript_entries WHERE id = $1 AND interaction_id = $2 AND kind = 'message' FOR UPDATE`,
    [entryId, interactionId],
  );
  if (!entry || entry.direction !== 'out') throw new DomainError('not_found', 'There is no such reply in this interaction.');
  if (!deliveryFailed(entry.delivery ?? undefined)) throw new DomainError('conflict', 'This reply was not refused: only a reply that was not delivered can be sent again.');
  await requireConsent(work.tx, interaction.customer_phone, interaction.centre_number);
  await requireChannel(work.tx, 'sms', 'your reply was not sent again');
  const [last] = await work.tx.query<{ attempt: number }>('SELECT max(attempt) AS attempt FROM outbound_messages WHERE entry_id = $1', [entryId]);
  const attempt = (last?.attempt ?? 1) + 1;
  await queueOutbound(work, { entryId, interactionId, from: interaction.centre_number, to: interaction.customer_phone, text: entry.text, attempt });
  const parts = entry.delivery?.parts;
  const delivery: DeliveryStatus = { state: 'queued', attempt, ...(parts ? { delivered: 0, parts } : {}) };
  await work.tx.query('UPDATE transcript_entries SET delivery = $2::jsonb WHERE id = $1', [entryId, json(delivery)]);
  if (offDesk) await followUndeliveredReply(work, interactionId, entryId, delivery);
  else await appendEvent(work, agentId, { type: 'deliveryChanged', interactionId, entryId, delivery });
  const line = await appendSystemEntry(work, interactionId, 'reply_resent', { name: (await agentRef(work.tx, agentId)).name, attempt: String(attempt) });
  await announceEntry(work, interactionId, agentId, line);
  return { attempt };
}
