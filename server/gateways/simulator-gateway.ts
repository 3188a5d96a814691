import type { SimulatorOutbound } from '../../lib/protocol';
import type { Db, Queryable } from '../db/db';
import type { OutboundSms, SmsGateway } from './gateway';

/**
 * The built-in carrier: instead of a phone network, texts land in `simulator_messages`, where the
 * simulator page (and tests) read what each phone received.
 */
export function createSimulatorGateway(db: Db): SmsGateway {
  return {
    name: 'simulator',
    async send(message: OutboundSms) {
      await db.query(
        `INSERT INTO simulator_messages (id, from_number, to_number, text, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [message.id, message.from, message.to, message.text, Date.now()],
      );
    },
  };
}

/** Records a text a simulated phone sent, so the page can show both sides of the conversation. */
export async function recordPhoneMessage(q: Queryable, id: string, from: string, to: string, text: string, at: number): Promise<void> {
  await q.query('INSERT INTO simulator_messages (id, from_number, to_number, text, at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    from,
    to,
    text,
    at,
  ]);
}

/** The newest 1000 texts received by `phone` (with `bothWays`, also those it sent), oldest first. */
export async function listPhoneMessages(q: Queryable, phone: string, bothWays: boolean): Promise<SimulatorOutbound[]> {
  const rows = await q.query<{ id: string; from_number: string; to_number: string; text: string; at: unknown }>(
    `SELECT * FROM (
       SELECT id, from_number, to_number, text, at, position FROM simulator_messages
       WHERE to_number = $1 ${bothWays ? 'OR from_number = $1' : ''} ORDER BY position DESC LIMIT 1000
     ) newest ORDER BY position`,
    [phone],
  );
  return rows.map((r) => ({ id: r.id, from: r.from_number, to: r.to_number, text: r.text, at: Number(r.at) }));
}
