import type { TranscriptEntry } from '../../lib/protocol';
import { pendingOfferOf, refreshOffer } from '../routing/offers';
import { appendEvent } from './events';
import type { Work } from './work';

/**
 * Tells the owner of an assigned interaction about a new transcript entry; a colleague holding a
 * pending transfer offer of it gets the grown transcript too, so they accept what is really there.
 */
export async function announceEntry(work: Work, interactionId: string, ownerId: string, entry: TranscriptEntry): Promise<void> {
  await appendEvent(work, ownerId, { type: 'transcriptAppended', interactionId, entry });
  const offer = await pendingOfferOf(work, interactionId);
  if (offer?.transfer_id) await refreshOffer(work, offer);
}
