import { randomUUID } from 'node:crypto';
import type { AgentRef, Offer, OfferEndReason } from '../../lib/protocol';
import { agentRef } from '../domain/agents';
import { appendEvent } from '../domain/events';
import { loadInteraction } from '../domain/interactions';
import { transferOfferEnded } from '../domain/transfer';
import type { Work } from '../domain/work';
import { Scheduler } from '../timers/scheduler';

export const OFFER_EXPIRY = 'offer.expire';

export interface OfferRow {
  id: string;
  interaction_id: string;
  agent_id: string;
  offered_at: unknown;
  expires_at: unknown;
  state: 'pending' | 'accepted' | OfferEndReason;
  /** Set for an instant transfer's offer: the interaction stays with its sender meanwhile. */
  transfer_id: string | null;
}

/**
 * Offers an interaction to one agent; its expiry is a stored deadline. A waiting interaction
 * becomes `offered`; a transfer's offer leaves the interaction assigned to its sender.
 */
export async function makeOffer(
  work: Work,
  interactionId: string,
  agentId: string,
  transfer?: { id: string; from: AgentRef },
): Promise<void> {
  const id = randomUUID();
  const expiresAt = work.now + work.ctx.config.routing.offerTimeoutSeconds * 1000;
  await work.tx.query(
    `INSERT INTO offers (id, interaction_id, agent_id, offered_at, expires_at, state, transfer_id)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6)`,
    [id, interactionId, agentId, work.now, expiresAt, transfer?.id ?? null],
  );
  if (!transfer) await work.tx.query(`UPDATE interactions SET state = 'offered' WHERE id = $1`, [interactionId]);
  await work.tx.query('UPDATE agents SET last_offered_at = $2 WHERE id = $1', [agentId, work.now]);
  await Scheduler.schedule(work, OFFER_EXPIRY, id, expiresAt);
  const interaction = await loadInteraction(work.tx, interactionId);
  const offer: Offer = { interaction, offeredAt: work.now, expiresAt, ...(transfer ? { transfer } : {}) };
  await appendEvent(work, agentId, { type: 'offerMade', offer });
}

/** Re-sends a pending offer with its grown transcript (the customer wrote again meanwhile). */
export async function refreshOffer(work: Work, offer: OfferRow): Promise<void> {
  const interaction = await loadInteraction(work.tx, offer.interaction_id);
  const transfer = await transferInfo(work, offer);
  await appendEvent(work, offer.agent_id, {
    type: 'offerMade',
    offer: { interaction, offeredAt: Number(offer.offered_at), expiresAt: Number(offer.expires_at), ...(transfer ? { transfer } : {}) },
  });
}

async function transferInfo(work: Work, offer: OfferRow): Promise<{ id: string; from: AgentRef } | undefined> {
  if (!offer.transfer_id) return undefined;
  const [row] = await work.tx.query<{ from_agent: string }>('SELECT from_agent FROM transfers WHERE id = $1', [offer.transfer_id]);
  return row ? { id: offer.transfer_id, from: await agentRef(work.tx, row.from_agent) } : undefined;
}

export async function pendingOfferOf(work: Work, interactionId: string): Promise<OfferRow | undefined> {
  const [offer] = await work.tx.query<OfferRow>(
    `SELECT * FROM offers WHERE interaction_id = $1 AND state = 'pending' FOR UPDATE`,
    [interactionId],
  );
  return offer;
}

/**
 * Ends a pending offer without acceptance. A routed interaction waits again (the caller
 * re-routes); a transfer goes on to the queue's next agent or fails back to its sender.
 */
export async function endOffer(work: Work, offer: OfferRow, reason: OfferEndReason): Promise<void> {
  await work.tx.query('UPDATE offers SET state = $2, ended_at = $3 WHERE id = $1', [offer.id, reason, work.now]);
  await work.tx.query(`UPDATE interactions SET state = 'waiting' WHERE id = $1 AND state = 'offered'`, [offer.interaction_id]);
  await Scheduler.cancel(work, OFFER_EXPIRY, offer.id);
  await appendEvent(work, offer.agent_id, { type: 'offerEnded', interactionId: offer.interaction_id, reason });
  if (offer.transfer_id) await transferOfferEnded(work, offer.transfer_id, reason);
}

/** Takes back every pending offer of an agent (Not Ready, signed out, gone). */
export async function withdrawOffersOf(work: Work, agentId: string): Promise<number> {
  const offers = await work.tx.query<OfferRow>(
    `SELECT * FROM offers WHERE agent_id = $1 AND state = 'pending' ORDER BY offered_at FOR UPDATE`,
    [agentId],
  );
  for (const offer of offers) await endOffer(work, offer, 'withdrawn');
  return offers.length;
}

/** Deadline handler: the agent did not answer in time. */
export async function expireOffer(work: Work, offerId: string): Promise<boolean> {
  const [offer] = await work.tx.query<OfferRow>(`SELECT * FROM offers WHERE id = $1 AND state = 'pending' FOR UPDATE`, [offerId]);
  if (!offer) return false;
  await endOffer(work, offer, 'timeout');
  return true;
}
