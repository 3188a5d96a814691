import { segmentSms, type SmsEncoding } from '../../lib/sms/segments';
import type { Db } from '../db/db';
import type { OutboundSms, SmsGateway } from './gateway';

const BATCH = 100;

interface OutboundRow {
  id: string;
  interaction_id: string;
  from_number: string;
  to_number: string;
  text: string;
  encoding: SmsEncoding | null;
  parts: string[] | null;
}

/** A stored reply as the gateway gets it; rows queued before segmenting existed are segmented now. */
function toOutboundSms(row: OutboundRow): OutboundSms {
  const segmented = row.encoding && row.parts ? { encoding: row.encoding, segments: row.parts } : segmentSms(row.text);
  return {
    id: row.id,
    interactionId: row.interaction_id,
    from: row.from_number,
    to: row.to_number,
    text: row.text,
    encoding: segmented.encoding,
    parts: segmented.segments,
  };
}
const RETRY_MS = 10_000;

/**
 * Hands stored replies (`outbound_messages`, written in the reply's transaction) to the gateway,
 * oldest first, and records the hand-over. Runs after each reply commits and at start, so a crash
 * between the two never loses a reply; a failing gateway is retried later.
 */
export class OutboundDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly gateway: SmsGateway,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends what is pending; resolves when this pass is over (passes run one after another). */
  dispatch(): Promise<void> {
    this.chain = this.chain.then(() => this.pass()).catch((error: unknown) => this.log(`outbound: ${String(error)}`));
    return this.chain;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.chain;
  }

  private async pass(): Promise<void> {
    if (this.closed) return;
    const pending = await this.db.query<OutboundRow>(
      `SELECT id, interaction_id, from_number, to_number, text, encoding, parts FROM outbound_messages
       WHERE state = 'pending' ORDER BY created_at, id LIMIT $1`,
      [BATCH],
    );
    let failed = false;
    for (const row of pending) {
      const message = toOutboundSms(row);
      try {
        await this.gateway.send(message);
        await this.db.query(`UPDATE outbound_messages SET state = 'sent', sent_at = $2, attempts = attempts + 1 WHERE id = $1`, [
          row.id,
          Date.now(),
        ]);
      } catch (error) {
        failed = true;
        this.log(`outbound: ${this.gateway.name} refused ${row.id}: ${String(error)}`);
        await this.db.query('UPDATE outbound_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [row.id, String(error)]);
      }
    }
    if (failed || pending.length === BATCH) this.scheduleRetry(failed ? RETRY_MS : 0);
  }

  private scheduleRetry(ms: number): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.dispatch(), ms);
  }
}
