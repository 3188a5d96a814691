import { randomUUID } from 'node:crypto';
import { segmentSms } from '../../lib/sms/segments';
import { json } from '../db/db';
import type { Work } from '../domain/work';

/**
 * Queues one attempt at delivering a reply (`outbound_messages`), in the transaction that wrote
 * it; the dispatcher hands it to the number's gateway after commit.
 */
export async function queueOutbound(
  work: Work,
  reply: { entryId: string; interactionId: string; from: string; to: string; text: string; attempt: number },
): Promise<string> {
  const { encoding, segments } = segmentSms(reply.text);
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO outbound_messages (id, interaction_id, from_number, to_number, text, created_at, state, encoding, parts, entry_id, attempt)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8::jsonb, $9, $10)`,
    [id, reply.interactionId, reply.from, reply.to, reply.text, work.now, encoding, json(segments), reply.entryId, reply.attempt],
  );
  work.outboundQueued = true;
  return id;
}
