import type { MessageMedia, TranscriptEntry } from '../../lib/protocol';
import { actOnConsentKeyword, readConsentKeyword } from '../consent/inbound';
import { contactForPhone } from '../contacts/cards';
import { announceEntry } from '../domain/announce';
import { requireChannel } from '../domain/channels';
import { addGatewayCaseData, initialCaseData } from '../wrapup/case-data';
import { DomainError } from '../domain/errors';
import { appendMessage, closeInteraction, createInteraction, type InteractionRow } from '../domain/interactions';
import { appendSystemEntry } from '../domain/system-entries';
import { touchSession } from '../domain/session';
import type { Work } from '../domain/work';
import type { MediaRefusal } from '../media';
import { carrierText } from './carrier-text';
import { pendingOfferOf, refreshOffer } from '../routing/offers';
import { routeWaiting } from '../routing/route';

export interface InboundSms {
  from: string;
  to: string;
  text: string;
  /** An MMS: the images already stored (`ingestMedia`), and the files refused, with why. */
  mms?: { media: MessageMedia[]; refused: MediaRefusal[] };
  /** Fields the gateway attaches (they join the case data, after the number's own). */
  caseData?: Record<string, string>;
  /** The carrier's id for this message (Twilio's MessageSid): a second arrival stores nothing. */
  provider?: { gateway: string; messageId: string };
}

export interface InboundAccepted {
  entryId: string;
  interactionId: string;
  /** True when the carrier's id was seen before: nothing was stored this time. */
  duplicate: boolean;
}

/** The message this carrier id already made, if any. */
export async function knownInbound(work: Pick<Work, 'tx'>, gateway: string, messageId: string): Promise<InboundAccepted | undefined> {
  const [known] = await work.tx.query<{ entry_id: string; interaction_id: string }>(
    'SELECT entry_id, interaction_id FROM inbound_provider_ids WHERE gateway = $1 AND provider_id = $2',
    [gateway, messageId],
  );
  return known ? { entryId: known.entry_id, interactionId: known.interaction_id, duplicate: true } : undefined;
}

/** What the transcript says for a refused file (the panel words it from `reason` and the params). */
function refusalParams(refusal: MediaRefusal): Record<string, string> {
  return { ...refusal.params, reason: refusal.reason };
}

/**
 * A customer's text arrived from a gateway: it joins the customer's open interaction on that
 * number (so three quick texts make one offer, not three) or starts a new one that is routed.
 * An MMS that starts one makes a page-mode interaction on the MMS channel; its refused files
 * become system lines after the message, so the text and the good files always go through.
 */
export async function receiveInbound(work: Work, received: InboundSms): Promise<InboundAccepted> {
  const caseData = received.caseData && Object.fromEntries(Object.entries(received.caseData).map(([key, value]) => [key, carrierText(value)]));
  const sms = { ...received, text: carrierText(received.text), ...(caseData ? { caseData } : {}) };
  if (sms.provider) {
    // Taken before anything is written: a concurrent retry waits on this row, then finds it.
    const [claimed] = await work.tx.query(
      `INSERT INTO inbound_provider_ids (gateway, provider_id, entry_id, interaction_id) VALUES ($1, $2, '', '')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sms.provider.gateway, sms.provider.messageId],
    );
    if (!claimed) {
      const known = await knownInbound(work, sms.provider.gateway, sms.provider.messageId);
      if (known) return known;
    }
  }
  const [number] = await work.tx.query<{ mode: 'page' | 'session'; queue: string }>(
    'SELECT mode, queue FROM centre_numbers WHERE number = $1',
    [sms.to],
  );
  if (!number) throw new DomainError('not_found', `${sms.to} is not a number of this contact centre.`);
  const channel = sms.mms ? 'mms' : 'sms';
  await requireChannel(work.tx, channel, 'the text was not accepted');

  const [open] = await work.tx.query<Pick<InteractionRow, 'id' | 'state' | 'agent_id' | 'mode' | 'centre_number'>>(
    `SELECT id, state, agent_id, mode, centre_number FROM interactions
     WHERE customer_phone = $1 AND centre_number = $2 AND state <> 'closed'
     ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [sms.from, sms.to],
  );
  const interactionId =
    open?.id ??
    (await createInteraction(work, {
      // The seed's MMS flow: an MMS is answered once, like a page-mode SMS.
      mode: sms.mms ? 'page' : number.mode,
      channel,
      customerPhone: sms.from,
      centreNumber: sms.to,
      queue: number.queue,
      contactId: await contactForPhone(work, sms.from),
      caseData: initialCaseData(work.ctx.config, sms.to, sms.caseData),
    }));
  if (open && sms.caseData) await addGatewayCaseData(work, open.id, sms.caseData);
  const message = await appendMessage(work, interactionId, {
    direction: 'in',
    author: { role: 'customer' },
    text: sms.text,
    ...(sms.mms ? { media: sms.mms.media } : {}),
  });
  const entries: TranscriptEntry[] = [message];
  for (const refusal of sms.mms?.refused ?? []) {
    entries.push(await appendSystemEntry(work, interactionId, 'media_refused', refusalParams(refusal)));
  }

  const consent = await readConsentKeyword(work, sms);

  if (open?.state === 'assigned' && open.agent_id) {
    // Session mode: straight to the agent who has it, no new offer; the silence starts again.
    for (const entry of entries) await announceEntry(work, interactionId, open.agent_id, entry);
    await touchSession(work, open);
  } else if (open?.state === 'offered') {
    const offer = await pendingOfferOf(work, interactionId);
    if (offer) await refreshOffer(work, offer);
  } else if (!open && !consent.automatic) {
    await routeWaiting(work);
  }
  await actOnConsentKeyword(work, interactionId, message, sms, consent);
  // A lone STOP / START starts no conversation: answered by Texto, kept in the contact's history.
  if (!open && consent.automatic) await closeInteraction(work, interactionId, 'done');
  if (sms.provider) {
    await work.tx.query('UPDATE inbound_provider_ids SET entry_id = $3, interaction_id = $4 WHERE gateway = $1 AND provider_id = $2', [
      sms.provider.gateway,
      sms.provider.messageId,
      message.id,
      interactionId,
    ]);
  }
  return { entryId: message.id, interactionId, duplicate: false };
}
