import { agentRef } from '../domain/agents';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { loadInteraction, lockInteraction } from '../domain/interactions';
import { armInactivity } from '../domain/session';
import { appendSystemEntry } from '../domain/system-entries';
import { completeTransfer } from '../domain/transfer';
import type { Work } from '../domain/work';
import { endOffer, OFFER_EXPIRY, pendingOfferOf, type OfferRow } from '../routing/offers';
import { routeWaiting } from '../routing/route';
import { Scheduler } from '../timers/scheduler';

/** The agent's pending offer of this interaction, or the reason it cannot be answered. */
async function myPendingOffer(work: Work, agentId: string, interactionId: string): Promise<OfferRow> {
  const interaction = await lockInteraction(work, interactionId);
  const pending = await pendingOfferOf(work, interactionId);
  if (pending?.agent_id === agentId) return pending;
  if (interaction.state === 'assigned' && interaction.agent_id === agentId) {
    throw new DomainError('conflict', 'You have already accepted this interaction.');
  }
  const [mine] = await work.tx.query<{ state: string }>(
    'SELECT state FROM offers WHERE interaction_id = $1 AND agent_id = $2 ORDER BY offered_at DESC LIMIT 1',
    [interactionId, agentId],
  );
  if (!mine) throw new DomainError('forbidden', 'This interaction was not offered to you.');
  const why = { timeout: 'it expired', withdrawn: 'it was withdrawn', rejected: 'you rejected it' }[mine.state] ?? 'it has ended';
  throw new DomainError('conflict', `This offer is no longer open: ${why}.`);
}

/** Accept: a routed interaction is assigned (its session timer starts); a transfer moves to this agent. */
export async function acceptOffer(work: Work, agentId: string, interactionId: string): Promise<void> {
  const offer = await myPendingOffer(work, agentId, interactionId);
  if (offer.transfer_id) return completeTransfer(work, { ...offer, transfer_id: offer.transfer_id }, agentId);
  await work.tx.query(`UPDATE offers SET state = 'accepted', ended_at = $2 WHERE id = $1`, [offer.id, work.now]);
  await work.tx.query(`UPDATE interactions SET state = 'assigned', agent_id = $2, accepted_at = $3 WHERE id = $1`, [
    interactionId,
    agentId,
    work.now,
  ]);
  await Scheduler.cancel(work, OFFER_EXPIRY, offer.id);
  await appendSystemEntry(work, interactionId, 'agent_joined', { name: (await agentRef(work.tx, agentId)).name });
  await armInactivity(work, await lockInteraction(work, interactionId));
  const interaction = await loadInteraction(work.tx, interactionId);
  await appendEvent(work, agentId, { type: 'interactionAssigned', interaction });
}

export async function rejectOffer(work: Work, agentId: string, interactionId: string): Promise<void> {
  const offer = await myPendingOffer(work, agentId, interactionId);
  await endOffer(work, offer, 'rejected');
  await routeWaiting(work);
}
