import type { DeliveryReason, SimulatorOutbound } from '../../lib/protocol';
import type { Db, Queryable } from '../db/db';
import { airParts, type AirSms } from './air-parts';
import type { DeliveryReceipt, HandOver, OutboundSms, SmsGateway } from './gateway';

export type MultipartMode = 'concatenated' | 'separate';

/** What the simulated network does with texts to one phone (`simulator_delivery_rules`). */
export interface SimulatorRule {
  outcome: 'deliver' | 'fail' | 'hold';
  reason?: DeliveryReason;
  delayMs: number;
}

export async function simulatorRuleFor(q: Queryable, phone: string): Promise<SimulatorRule> {
  const [rule] = await q.query<{ outcome: SimulatorRule['outcome']; reason: DeliveryReason | null; delay_ms: number }>(
    'SELECT outcome, reason, delay_ms FROM simulator_delivery_rules WHERE phone = $1',
    [phone],
  );
  return rule ? { outcome: rule.outcome, ...(rule.reason ? { reason: rule.reason } : {}), delayMs: rule.delay_ms } : { outcome: 'deliver', delayMs: 0 };
}

/**
 * The built-in carrier: instead of a phone network, texts land in `simulator_messages`, one row
 * per SMS on the air, where the simulator page (and tests) read what each phone received. A long
 * reply goes as one concatenated message (parts sharing a UDH reference) or as separate SMS,
 * as configured (`simulator.multipart`). Each SMS then gets a handset report by the phone's rule
 * (delivered, after a delay or not; failed with a reason; or held until one is posted by hand).
 */
export function createSimulatorGateway(
  mode: MultipartMode,
  report: (receipt: DeliveryReceipt) => Promise<void>,
): SmsGateway & { open(db: Db): void; close(): void } {
  const timers = new Set<NodeJS.Timeout>();
  let database: Db | undefined;
  const dbOf = () => {
    if (!database) throw new Error('the simulator gateway has no database yet');
    return database;
  };
  const later = (ms: number, receipts: DeliveryReceipt[]) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void (async () => {
        for (const receipt of receipts) await report(receipt);
      })();
    }, ms);
    timers.add(timer);
  };
  return {
    id: 'simulator',
    name: `simulator (${mode})`,
    open: (db) => {
      database = db;
    },
    close: () => timers.forEach(clearTimeout),
    async send(message: OutboundSms): Promise<HandOver> {
      const db = dbOf();
      const air = await db.transaction(async (tx) => {
        // Idempotent by message id: a re-sent reply whose parts already arrived changes nothing.
        const already = await tx.query<{ id: string }>("SELECT id FROM simulator_messages WHERE id = $1 OR id LIKE $2 ORDER BY position", [
          message.id,
          `${message.id}#%`,
        ]);
        if (already.length > 0) return { ids: already.map((r) => r.id), fresh: false };
        const multipart = message.parts.length > 1 && mode === 'concatenated';
        const reference = multipart ? await nextReference(tx, message.to) : 0;
        const at = Date.now();
        const sent = airParts(message, mode, reference);
        for (const sms of sent) await insertAirSms(tx, message, sms, at);
        return { ids: sent.map((sms) => sms.id), fresh: true };
      });
      const rule = await simulatorRuleFor(db, message.to);
      const parts = air.ids.map((providerId, i) => ({ part: i + 1, providerId, state: 'sent' as const }));
      if (air.fresh && rule.outcome !== 'hold') {
        const state = rule.outcome === 'deliver' ? ('delivered' as const) : ('undelivered' as const);
        const reason = rule.outcome === 'fail' ? { reason: rule.reason ?? 'unreachable' } : {};
        later(rule.delayMs, parts.map((p) => ({ gateway: 'simulator', outboundId: message.id, part: p.part, providerId: p.providerId, state, ...reason })));
      }
      return { parts };
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
