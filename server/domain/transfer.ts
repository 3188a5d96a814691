import type { OfferEndReason, TransferStatus } from '../../lib/protocol';
import { json } from '../db/db';
import { makeOffer, OFFER_EXPIRY, endOffer, type OfferRow } from '../routing/offers';
import { routeWaiting } from '../routing/route';
import { Scheduler } from '../timers/scheduler';
import { agentLoads, agentRef, isPresent } from './agents';
import { endConsultationsOf } from './consultation';
import { appendEvent } from './events';
import { loadInteraction, lockInteraction } from './interactions';
import { armInactivity } from './session';
import { appendSystemEntry } from './system-entries';
import type { Work } from './work';

// The life of an instant transfer after the sender asked for it (commands/transfer.ts): offers to
// the target (one agent, or a queue's Ready agents one after another), then acceptance — the
// interaction moves — or failure back to the sender, who kept it all along.

export interface TransferRow {
  id: string;
  interaction_id: string;
  from_agent: string;
  target_kind: 'agent' | 'queue';
  target: string;
  state: 'pending' | 'accepted' | 'refused' | 'timeout' | 'unavailable' | 'nobody' | 'cancelled';
}

/** Why a direct transfer failed, from how its offer ended. */
const FAILURE: Record<OfferEndReason, TransferStatus['state']> = { rejected: 'refused', timeout: 'timeout', withdrawn: 'unavailable' };

export async function statusOf(work: Work, transfer: TransferRow, state: TransferStatus['state']): Promise<TransferStatus> {
  const target: TransferStatus['target'] =
    transfer.target_kind === 'agent'
      ? { kind: 'agent', ...(await agentRef(work.tx, transfer.target)) }
      : { kind: 'queue', queue: transfer.target };
  return { id: transfer.id, state, target, at: work.now };
}

/** Shows the sender where its transfer stands (stored, so a snapshot shows it too). */
export async function publishStatus(work: Work, transfer: TransferRow, status: TransferStatus): Promise<void> {
  const updated = await work.tx.query(
    `UPDATE interactions SET transfer_status = $3::jsonb WHERE id = $1 AND agent_id = $2 AND state = 'assigned' RETURNING 1`,
    [transfer.interaction_id, transfer.from_agent, json(status)],
  );
  if (updated.length > 0) {
    await appendEvent(work, transfer.from_agent, { type: 'interactionUpdated', interactionId: transfer.interaction_id, transfer: status });
  }
}

/**
 * The next agent of a queue for a transfer: Ready, present, with room, not the sender and not
 * offered this transfer before; the one with the most room first.
 */
export async function nextQueueAgent(work: Work, queue: string, exclude: readonly string[]): Promise<string | undefined> {
  const members = await work.tx.query<{ agent_id: string }>('SELECT agent_id FROM agent_queues WHERE queue = $1', [queue]);
  const loads = await agentLoads(work.tx, members.map((m) => m.agent_id));
  const candidates = loads.filter(
    (a) => a.active && a.status === 'ready' && a.load < a.capacity && !exclude.includes(a.id) && isPresent(work, a.id),
  );
  candidates.sort((a, b) => b.capacity - b.load - (a.capacity - a.load) || a.id.localeCompare(b.id));
  return candidates[0]?.id;
}

export async function offerTransfer(work: Work, transfer: TransferRow, agentId: string): Promise<void> {
  await makeOffer(work, transfer.interaction_id, agentId, { id: transfer.id, from: await agentRef(work.tx, transfer.from_agent) });
}

async function lockTransfer(work: Work, id: string): Promise<TransferRow | undefined> {
  const [row] = await work.tx.query<TransferRow>('SELECT * FROM transfers WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** A transfer's offer ended unanswered: a queue tries its next Ready agent; otherwise the sender hears why. */
export async function transferOfferEnded(work: Work, transferId: string, reason: OfferEndReason): Promise<void> {
  const transfer = await lockTransfer(work, transferId);
  if (transfer?.state !== 'pending') return;
  if (transfer.target_kind === 'queue') {
    const tried = await work.tx.query<{ agent_id: string }>('SELECT agent_id FROM offers WHERE transfer_id = $1', [transferId]);
    const next = await nextQueueAgent(work, transfer.target, [transfer.from_agent, ...tried.map((t) => t.agent_id)]);
    if (next) return offerTransfer(work, transfer, next);
  }
  const state = transfer.target_kind === 'queue' ? 'nobody' : FAILURE[reason];
  await work.tx.query('UPDATE transfers SET state = $2, ended_at = $3 WHERE id = $1', [transferId, state, work.now]);
  await publishStatus(work, transfer, await statusOf(work, transfer, state));
}

/**
 * The target accepted: the interaction, its whole transcript and its session timer move to them;
 * the sender's window closes and it can do nothing more on it.
 */
export async function completeTransfer(work: Work, offer: OfferRow & { transfer_id: string }, receiverId: string): Promise<void> {
  const transfer = await lockTransfer(work, offer.transfer_id);
  const interaction = await lockInteraction(work, offer.interaction_id);
  if (!transfer || transfer.state !== 'pending' || interaction.state !== 'assigned') {
    throw new Error(`completeTransfer: transfer ${offer.transfer_id} is not pending on an assigned interaction`);
  }
  await work.tx.query(`UPDATE offers SET state = 'accepted', ended_at = $2 WHERE id = $1`, [offer.id, work.now]);
  await Scheduler.cancel(work, OFFER_EXPIRY, offer.id);
  await work.tx.query(`UPDATE transfers SET state = 'accepted', to_agent = $2, ended_at = $3 WHERE id = $1`, [transfer.id, receiverId, work.now]);
  // The sender's consultations were about their handling of it.
  await endConsultationsOf(work, interaction.id);

  const sender = await agentRef(work.tx, transfer.from_agent);
  const receiver = await agentRef(work.tx, receiverId);
  const target = transfer.target_kind === 'queue' ? `${receiver.name} (${transfer.target})` : receiver.name;
  await appendSystemEntry(work, interaction.id, 'agent_transferred', { name: sender.name, target });
  await appendSystemEntry(work, interaction.id, 'agent_joined', { name: receiver.name });
  await work.tx.query(`UPDATE interactions SET agent_id = $2, accepted_at = $3, transfer_status = NULL WHERE id = $1`, [
    interaction.id,
    receiverId,
    work.now,
  ]);
  // A new owner gets the whole inactivity time, as after a first accept.
  await armInactivity(work, interaction);

  await appendEvent(work, transfer.from_agent, { type: 'interactionClosed', interactionId: interaction.id, reason: 'transferred' });
  await appendEvent(work, receiverId, { type: 'interactionAssigned', interaction: await loadInteraction(work.tx, interaction.id) });
  // The sender has room for one more.
  await routeWaiting(work);
}

/** The interaction is leaving its owner another way (done, ended): a pending transfer is called off. */
export async function cancelPendingTransfer(work: Work, interactionId: string): Promise<void> {
  const [transfer] = await work.tx.query<TransferRow>(
    `SELECT * FROM transfers WHERE interaction_id = $1 AND state = 'pending' FOR UPDATE`,
    [interactionId],
  );
  if (!transfer) return;
  await work.tx.query(`UPDATE transfers SET state = 'cancelled', ended_at = $2 WHERE id = $1`, [transfer.id, work.now]);
  const offers = await work.tx.query<OfferRow>(`SELECT * FROM offers WHERE transfer_id = $1 AND state = 'pending' FOR UPDATE`, [transfer.id]);
  for (const offer of offers) await endOffer(work, offer, 'withdrawn');
}
