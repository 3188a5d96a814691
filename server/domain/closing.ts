import { endConsultationsOf } from './consultation';
import { disarmInactivity } from './session';
import { cancelPendingTransfer } from './transfer';
import type { Work } from './work';

/**
 * What must stop when an interaction leaves its owner (done, replied, ended, transferred): its
 * consultations end, a transfer waiting for an answer is called off, its inactivity timer stops.
 */
export async function releaseInteraction(work: Work, interactionId: string): Promise<void> {
  await endConsultationsOf(work, interactionId);
  await cancelPendingTransfer(work, interactionId);
  await disarmInactivity(work, interactionId);
  await work.tx.query('UPDATE interactions SET transfer_status = NULL WHERE id = $1 AND transfer_status IS NOT NULL', [interactionId]);
}
