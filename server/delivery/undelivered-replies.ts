import { deliveryFailed, type DeliveryStatus, type UndeliveredReply } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { customerOf, lockInteraction, type InteractionRow } from '../domain/interactions';
import type { Work } from '../domain/work';

/**
 * Replies that did not reach the customer once their interaction had left the agent's desk: a
 * page-mode interaction closes on its reply, and a session may be marked done before the carrier
 * reports. The agent who last had the interaction is alerted on the desk, can Resend from there,
 * and the alert lasts until a Resend is delivered or the agent dismisses it (docs/gateways.md).
 */

/** Closed and no longer shown on the desk (an ended session stays there until marked done). */
const OFF_DESK = `i.state = 'closed' AND (i.close_reason IN ('done', 'replied') OR (i.close_reason = 'inactivity' AND i.dismissed_at IS NOT NULL))`;

export function isOffDesk(row: Pick<InteractionRow, 'state' | 'close_reason' | 'dismissed_at'>): boolean {
  if (row.state !== 'closed') return false;
  return row.close_reason === 'done' || row.close_reason === 'replied' || (row.close_reason === 'inactivity' && row.dismissed_at !== null);
}

interface AlertRow {
  interaction_id: string;
  entry_id: string;
  text: string;
  at: unknown;
  delivery: DeliveryStatus;
}
type CustomerColumns = Pick<InteractionRow, 'customer_phone' | 'centre_number' | 'contact_id' | 'contact_name' | 'contact_unknown'>;

function toReply(row: AlertRow, interaction: CustomerColumns): UndeliveredReply {
  return {
    interactionId: row.interaction_id,
    entryId: row.entry_id,
    customer: customerOf(interaction),
    centreNumber: interaction.centre_number,
    text: row.text,
    at: Number(row.at),
    delivery: row.delivery,
  };
}

/** For the snapshot: the agent's open alerts, oldest first. */
export async function undeliveredRepliesOf(q: Queryable, agentId: string): Promise<UndeliveredReply[]> {
  const rows = await q.query<AlertRow & CustomerColumns>(
    `SELECT e.interaction_id, e.id AS entry_id, e.text, e.at, e.delivery,
            i.customer_phone, i.centre_number, c.id AS contact_id, c.name AS contact_name, c.unknown AS contact_unknown
     FROM transcript_entries e
     JOIN interactions i ON i.id = e.interaction_id
     LEFT JOIN contact_phones p ON p.phone = i.customer_phone
     LEFT JOIN contacts c ON c.id = coalesce(i.contact_id, p.contact_id)
     WHERE e.undelivered_alert = 'open' AND i.agent_id = $1 AND ${OFF_DESK}
     ORDER BY e.at, e.id`,
    [agentId],
  );
  return rows.map((row) => toReply(row, row));
}

/**
 * A reply's delivery changed while its interaction is off the desk: opens the alert when it
 * failed, follows a Resend while it is open, and ends it once delivered. Returns whether the
 * agent was told (else the caller tells the reply's author as for any other report).
 */
export async function followUndeliveredReply(work: Work, interactionId: string, entryId: string, delivery: DeliveryStatus): Promise<boolean> {
  const interaction = await lockInteraction(work, interactionId);
  if (!interaction.agent_id || !isOffDesk(interaction)) return false;
  const [entry] = await work.tx.query<AlertRow & { undelivered_alert: string | null }>(
    `SELECT interaction_id, id AS entry_id, text, at, delivery, undelivered_alert FROM transcript_entries WHERE id = $1`,
    [entryId],
  );
  if (!entry || entry.undelivered_alert === 'dismissed') return false;
  if (delivery.state === 'delivered') {
    if (entry.undelivered_alert !== 'open') return false;
    await work.tx.query('UPDATE transcript_entries SET undelivered_alert = NULL WHERE id = $1', [entryId]);
    await appendEvent(work, interaction.agent_id, { type: 'undeliveredReplyEnded', entryId, reason: 'delivered' });
    return true;
  }
  if (entry.undelivered_alert !== 'open' && !deliveryFailed(delivery)) return false;
  await work.tx.query(`UPDATE transcript_entries SET undelivered_alert = 'open' WHERE id = $1`, [entryId]);
  await appendEvent(work, interaction.agent_id, { type: 'replyUndelivered', reply: toReply({ ...entry, delivery }, interaction) });
  return true;
}

/** The open alert of this agent's reply, with its interaction locked; why not otherwise. */
export async function myUndeliveredReply(work: Work, agentId: string, interactionId: string, entryId: string): Promise<InteractionRow> {
  const interaction = await lockInteraction(work, interactionId);
  const [entry] = await work.tx.query<{ undelivered_alert: string | null }>(
    'SELECT undelivered_alert FROM transcript_entries WHERE id = $1 AND interaction_id = $2',
    [entryId, interactionId],
  );
  if (interaction.agent_id !== agentId || !isOffDesk(interaction) || entry?.undelivered_alert !== 'open') {
    throw new DomainError('not_found', 'There is no reply waiting for you to send it again: it may have been dismissed or delivered already.');
  }
  return interaction;
}

/** The agent puts the alert away; the reply stays as it is in the contact's history. */
export async function dismissUndeliveredReply(work: Work, agentId: string, interactionId: string, entryId: string): Promise<void> {
  await myUndeliveredReply(work, agentId, interactionId, entryId);
  await work.tx.query(`UPDATE transcript_entries SET undelivered_alert = 'dismissed' WHERE id = $1`, [entryId]);
  await appendEvent(work, agentId, { type: 'undeliveredReplyEnded', entryId, reason: 'dismissed' });
}
