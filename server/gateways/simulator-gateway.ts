import type { SimulatorOutbound } from '../../lib/protocol';
import type { Db, Queryable } from '../db/db';
import { airParts, type AirSms } from './air-parts';
import type { OutboundSms, SmsGateway } from './gateway';

export type MultipartMode = 'concatenated' | 'separate';

/**
 * The built-in carrier: instead of a phone network, texts land in `simulator_messages`, one row
 * per SMS on the air, where the simulator page (and tests) read what each phone received. A long
 * reply goes as one concatenated message (parts sharing a UDH reference) or as separate SMS,
 * as configured (`simulator.multipart`).
 */
export function createSimulatorGateway(db: Db, mode: MultipartMode = 'concatenated'): SmsGateway {
  return {
    name: `simulator (${mode})`,
    async send(message: OutboundSms) {
      await db.transaction(async (tx) => {
        // Idempotent by message id: a re-sent reply whose parts already arrived changes nothing.
        const [already] = await tx.query('SELECT 1 FROM simulator_messages WHERE id = $1 OR id = $2', [message.id, `${message.id}#1`]);
        if (already) return;
        const multipart = message.parts.length > 1 && mode === 'concatenated';
        const reference = multipart ? await nextReference(tx, message.to) : 0;
        const at = Date.now();
        for (const sms of airParts(message, mode, reference)) await insertAirSms(tx, message, sms, at);
      });
    },
  };
}

/** The next 8-bit concatenation reference towards `phone` (phones tell messages apart by it). */
async function nextReference(tx: Queryable, phone: string): Promise<number> {
  const [row] = await tx.query<{ last_reference: number }>(
    `INSERT INTO simulator_references (phone, last_reference) VALUES ($1, 1)
     ON CONFLICT (phone) DO UPDATE SET last_reference = (simulator_references.last_reference + 1) % 256
     RETURNING last_reference`,
    [phone],
  );
  return row?.last_reference ?? 1;
}

async function insertAirSms(tx: Queryable, message: OutboundSms, sms: AirSms, at: number): Promise<void> {
  const numbering = sms.concatenation ?? sms.separate;
  await tx.query(
    `INSERT INTO simulator_messages (id, from_number, to_number, text, at, encoding, delivery, reference, part, parts, udh)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      sms.id,
      message.from,
      message.to,
      sms.text,
      at,
      message.encoding,
      sms.concatenation ? 'concatenated' : sms.separate ? 'separate' : null,
      sms.concatenation?.reference ?? null,
      numbering?.part ?? null,
      numbering?.parts ?? null,
      sms.concatenation?.udh ?? null,
    ],
  );
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

interface SimulatorRow {
  id: string;
  from_number: string;
  to_number: string;
  text: string;
  at: unknown;
  encoding: 'GSM-7' | 'UCS-2' | null;
  delivery: 'concatenated' | 'separate' | null;
  reference: number | null;
  part: number | null;
  parts: number | null;
  udh: string | null;
}

function toSimulatorOutbound(r: SimulatorRow): SimulatorOutbound {
  const numbered = r.part !== null && r.parts !== null;
  return {
    id: r.id,
    from: r.from_number,
    to: r.to_number,
    text: r.text,
    at: Number(r.at),
    ...(r.encoding ? { encoding: r.encoding } : {}),
    ...(r.delivery === 'concatenated' && numbered
      ? { concatenation: { reference: r.reference ?? 0, part: r.part!, parts: r.parts!, udh: r.udh ?? '' } }
      : {}),
    ...(r.delivery === 'separate' && numbered ? { separate: { part: r.part!, parts: r.parts! } } : {}),
  };
}

/** The newest 1000 SMS received by `phone` (with `bothWays`, also those it sent), oldest first. */
export async function listPhoneMessages(q: Queryable, phone: string, bothWays: boolean): Promise<SimulatorOutbound[]> {
  const rows = await q.query<SimulatorRow>(
    `SELECT * FROM (
       SELECT id, from_number, to_number, text, at, encoding, delivery, reference, part, parts, udh, position
       FROM simulator_messages
       WHERE to_number = $1 ${bothWays ? 'OR from_number = $1' : ''} ORDER BY position DESC LIMIT 1000
     ) newest ORDER BY position`,
    [phone],
  );
  return rows.map(toSimulatorOutbound);
}
