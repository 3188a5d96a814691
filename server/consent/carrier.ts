import type { DeliveryReason } from '../../lib/protocol';
import type { Work } from '../domain/work';
import { changeConsent } from './state';

/**
 * A carrier refused a text because the customer opted out with it (Twilio 21610): the same state
 * as a STOP sent to Texto, so nobody tries again.
 */
export async function recordCarrierOptOut(work: Work, outboundId: string, reason: DeliveryReason | undefined, code: string | undefined): Promise<void> {
  if (reason !== 'opted_out') return;
  const [outbound] = await work.tx.query<{ interaction_id: string; from_number: string; to_number: string }>(
    'SELECT interaction_id, from_number, to_number FROM outbound_messages WHERE id = $1',
    [outboundId],
  );
  if (!outbound) return;
  await changeConsent(work, {
    phone: outbound.to_number,
    centreNumber: outbound.from_number,
    optedOut: true,
    via: 'carrier',
    ...(code ? { carrierCode: code } : {}),
    interactionId: outbound.interaction_id,
  });
}
