import type { DeliveryReason, DeliveryStatus } from '../../lib/protocol';
import { recordCarrierOptOut } from '../consent/carrier';
import { json } from '../db/db';
import { appendEvent } from '../domain/events';
import type { Work } from '../domain/work';
import type { DeliveryReceipt, HandOver } from '../gateways/gateway';
import { followUndeliveredReply } from './undelivered-replies';
import { aggregateDelivery, movesForward, type PartState, type PartStatus } from './aggregate';

interface OutboundRef {
  id: string;
  interaction_id: string;
  entry_id: string | null;
  attempt: number;
}

async function outboundRow(work: Work, outboundId: string): Promise<OutboundRef | undefined> {
  const [row] = await work.tx.query<OutboundRef>('SELECT id, interaction_id, entry_id, attempt FROM outbound_messages WHERE id = $1 FOR UPDATE', [
    outboundId,
  ]);
  return row;
}

/**
 * Recomputes the reply's delivery from its parts and, when it changed, stores it on the transcript
 * entry and tells the agent who has the interaction; once it is off the desk, a failure becomes an
 * alert for the agent who had it (undelivered-replies.ts); otherwise the reply's author is told.
 */
async function refreshEntryDelivery(work: Work, outbound: OutboundRef, status?: DeliveryStatus): Promise<void> {
  if (!outbound.entry_id) return;
  const parts = await work.tx.query<{ state: PartState; error_code: string | null; reason: DeliveryReason | null }>(
    'SELECT state, error_code, reason FROM outbound_parts WHERE outbound_id = $1 ORDER BY part',
    [outbound.id],
  );
  const delivery =
    status ??
    aggregateDelivery(
      parts.map((p): PartStatus => ({ state: p.state, ...(p.reason ? { reason: p.reason } : {}), ...(p.error_code ? { code: p.error_code } : {}) })),
      outbound.attempt,
    );
  const [entry] = await work.tx.query<{ delivery: DeliveryStatus | null; author: { agentId?: string } | null }>(
    'SELECT delivery, author FROM transcript_entries WHERE id = $1 FOR UPDATE',
    [outbound.entry_id],
  );
  if (!entry || JSON.stringify(entry.delivery) === JSON.stringify(delivery)) return;
  await work.tx.query('UPDATE transcript_entries SET delivery = $2::jsonb WHERE id = $1', [outbound.entry_id, json(delivery)]);
  const [interaction] = await work.tx.query<{ state: string; agent_id: string | null }>('SELECT state, agent_id FROM interactions WHERE id = $1', [
    outbound.interaction_id,
  ]);
  if (interaction?.state !== 'assigned' && (await followUndeliveredReply(work, outbound.interaction_id, outbound.entry_id, delivery))) return;
  const agentId = interaction?.state === 'assigned' && interaction.agent_id ? interaction.agent_id : entry.author?.agentId;
  if (agentId) await appendEvent(work, agentId, { type: 'deliveryChanged', interactionId: outbound.interaction_id, entryId: outbound.entry_id, delivery });
}

/** The carrier took the message: its parts are recorded with their first state. */
export async function recordHandOver(work: Work, outboundId: string, gateway: string, handOver: HandOver): Promise<void> {
  const outbound = await outboundRow(work, outboundId);
  if (!outbound) return;
  await work.tx.query(`UPDATE outbound_messages SET state = 'sent', sent_at = $2, next_attempt_at = NULL WHERE id = $1`, [outboundId, work.now]);
  for (const part of handOver.parts) {
    // A status callback may have come first (it creates the part): keep whichever is further on.
    const [existing] = await work.tx.query<{ state: PartState }>('SELECT state FROM outbound_parts WHERE outbound_id = $1 AND part = $2', [
      outboundId,
      part.part,
    ]);
    if (existing) {
      await work.tx.query('UPDATE outbound_parts SET provider_id = $3 WHERE outbound_id = $1 AND part = $2', [outboundId, part.part, part.providerId]);
      if (!movesForward(existing.state, part.state)) continue;
    }
    await upsertPart(work, outboundId, part.part, gateway, part.providerId, part.state, part.reason, part.code);
  }
  await refreshEntryDelivery(work, outbound);
}

/** The carrier refused the message for good: the reply is not delivered, with the carrier's reason. */
export async function recordRefusal(work: Work, outboundId: string, reason: DeliveryReason, code: string | undefined, error: string): Promise<void> {
  const outbound = await outboundRow(work, outboundId);
  if (!outbound) return;
  await work.tx.query(`UPDATE outbound_messages SET state = 'failed', last_error = $2, next_attempt_at = NULL WHERE id = $1`, [outboundId, error]);
  await refreshEntryDelivery(work, outbound, { state: 'failed', reason, ...(code ? { code } : {}), ...(outbound.attempt > 1 ? { attempt: outbound.attempt } : {}) });
  await recordCarrierOptOut(work, outboundId, reason, code);
}

async function upsertPart(
  work: Work,
  outboundId: string,
  part: number,
  gateway: string,
  providerId: string | null,
  state: PartState,
  reason: DeliveryReason | undefined,
  code: string | undefined,
): Promise<void> {
  await work.tx.query(
    `INSERT INTO outbound_parts (outbound_id, part, gateway, provider_id, state, reason, error_code, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (outbound_id, part) DO UPDATE SET provider_id = COALESCE(EXCLUDED.provider_id, outbound_parts.provider_id),
       state = EXCLUDED.state, reason = EXCLUDED.reason, error_code = EXCLUDED.error_code, updated_at = EXCLUDED.updated_at`,
    [outboundId, part, gateway, providerId, state, reason ?? null, code ?? null, work.now],
  );
}

/**
 * A delivery report. Reports come out of order and twice: a state only moves forward, so a late
 * `sent` after `delivered` (or the same `delivered` again) changes nothing. Returns false for a
 * report about a message this server never sent.
 */
export async function recordReceipt(work: Work, receipt: DeliveryReceipt): Promise<boolean> {
  let outboundId = receipt.outboundId;
  let part = receipt.part ?? 1;
  if (!outboundId) {
    const [known] = await work.tx.query<{ outbound_id: string; part: number }>(
      'SELECT outbound_id, part FROM outbound_parts WHERE gateway = $1 AND provider_id = $2',
      [receipt.gateway, receipt.providerId],
    );
    if (!known) return false;
    outboundId = known.outbound_id;
    part = known.part;
  }
  const outbound = await outboundRow(work, outboundId);
  if (!outbound) return false;
  const [existing] = await work.tx.query<{ state: PartState }>('SELECT state FROM outbound_parts WHERE outbound_id = $1 AND part = $2 FOR UPDATE', [
    outboundId,
    part,
  ]);
  if (existing && !movesForward(existing.state, receipt.state)) return true;
  await upsertPart(work, outboundId, part, receipt.gateway, receipt.providerId, receipt.state, receipt.reason, receipt.code);
  await refreshEntryDelivery(work, outbound);
  await recordCarrierOptOut(work, outboundId, receipt.reason, receipt.code);
  return true;
}
