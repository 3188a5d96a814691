import { contactForPhone } from '../contacts/cards';
import { announceEntry } from '../domain/announce';
import { requireChannel } from '../domain/channels';
import { addGatewayCaseData, initialCaseData } from '../wrapup/case-data';
import { DomainError } from '../domain/errors';
import { appendMessage, createInteraction, type InteractionRow } from '../domain/interactions';
import { touchSession } from '../domain/session';
import type { Work } from '../domain/work';
import { pendingOfferOf, refreshOffer } from '../routing/offers';
import { routeWaiting } from '../routing/route';

export interface InboundSms {
  from: string;
  to: string;
  text: string;
  /** Fields the gateway attaches (they join the case data, after the number's own). */
  caseData?: Record<string, string>;
}

/**
 * A customer's text arrived from a gateway: it joins the customer's open interaction on that
 * number (so three quick texts make one offer, not three) or starts a new one that is routed.
 */
export async function receiveInbound(work: Work, sms: InboundSms): Promise<{ entryId: string; interactionId: string }> {
  const [number] = await work.tx.query<{ mode: 'page' | 'session'; queue: string }>(
    'SELECT mode, queue FROM centre_numbers WHERE number = $1',
    [sms.to],
  );
  if (!number) throw new DomainError('not_found', `${sms.to} is not a number of this contact centre.`);
  await requireChannel(work.tx, 'sms', 'the text was not accepted');

  const [open] = await work.tx.query<Pick<InteractionRow, 'id' | 'state' | 'agent_id' | 'mode' | 'centre_number'>>(
    `SELECT id, state, agent_id, mode, centre_number FROM interactions
     WHERE customer_phone = $1 AND centre_number = $2 AND state <> 'closed'
     ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [sms.from, sms.to],
  );
  const interactionId =
    open?.id ??
    (await createInteraction(work, {
      mode: number.mode,
      channel: 'sms',
      customerPhone: sms.from,
      centreNumber: sms.to,
      queue: number.queue,
      contactId: await contactForPhone(work, sms.from),
      caseData: initialCaseData(work.ctx.config, sms.to, sms.caseData),
    }));
  if (open && sms.caseData) await addGatewayCaseData(work, open.id, sms.caseData);
  const entry = await appendMessage(work, interactionId, { direction: 'in', author: { role: 'customer' }, text: sms.text });

  if (open?.state === 'assigned' && open.agent_id) {
    // Session mode: straight to the agent who has it, no new offer; the silence starts again.
    await announceEntry(work, interactionId, open.agent_id, entry);
    await touchSession(work, open);
  } else if (open?.state === 'offered') {
    const offer = await pendingOfferOf(work, interactionId);
    if (offer) await refreshOffer(work, offer);
  } else if (!open) {
    await routeWaiting(work);
  }
  return { entryId: entry.id, interactionId };
}
