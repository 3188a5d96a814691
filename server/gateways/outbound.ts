import { segmentSms, type SmsEncoding } from '../../lib/sms/segments';
import type { Db } from '../db/db';
import { recordHandOver, recordRefusal } from '../delivery/record';
import type { Work } from '../domain/work';
import { GatewayRefusal, GatewayUnavailable, type HandOver, type OutboundSms, type SmsGateway } from './gateway';

const BATCH = 100;
const MAX_RETRY_MS = 5 * 60_000;

interface OutboundRow {
  id: string;
  interaction_id: string;
  from_number: string;
  to_number: string;
  text: string;
  encoding: SmsEncoding | null;
  parts: string[] | null;
  state: 'pending' | 'handing_over';
  attempts: number;
  handed_over_at: string | null;
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

export type RunWork = <T>(body: (work: Work) => Promise<T>) => Promise<T>;

/**
 * Hands stored replies (`outbound_messages`, written in the reply's transaction) to the gateway of
 * their contact-centre number, oldest first. The hand-over is recorded (`handing_over`, committed)
 * before the request: after a crash there, the next pass asks the carrier whether it has the
 * message (`findSent`) instead of sending it twice. Runs after each reply commits and at start;
 * a carrier that is down or asks to wait is retried with a doubling delay, a final refusal makes
 * the reply `failed` with the carrier's reason.
 */
export class OutboundDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private run: RunWork | undefined;

  constructor(
    private readonly db: Db,
    private readonly gatewayFor: (centreNumber: string) => SmsGateway,
    private readonly log: (line: string) => void,
  ) {}

  /** Records go through units of work (they announce delivery states): set once the context exists. */
  start(run: RunWork): Promise<void> {
    this.run = run;
    return this.dispatch();
  }

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
    const run = this.run;
    if (this.closed || !run) return;
    const due = await this.db.query<OutboundRow>(
      `SELECT id, interaction_id, from_number, to_number, text, encoding, parts, state, attempts, handed_over_at FROM outbound_messages
       WHERE state IN ('pending', 'handing_over') AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
       ORDER BY created_at, id LIMIT $1`,
      [BATCH, Date.now()],
    );
    for (const row of due) {
      if (this.closed) return;
      await this.handOver(run, row);
    }
    if (due.length === BATCH) return this.scheduleRetry(0);
    const [next] = await this.db.query<{ at: string | null }>(
      `SELECT min(next_attempt_at) AS at FROM outbound_messages WHERE state IN ('pending', 'handing_over')`,
    );
    if (next?.at !== null && next?.at !== undefined) this.scheduleRetry(Math.max(0, Number(next.at) - Date.now()));
  }

  private async handOver(run: RunWork, row: OutboundRow): Promise<void> {
    const gateway = this.gatewayFor(row.from_number);
    const message = toOutboundSms(row);
    try {
      let taken: HandOver | null = null;
      if (row.state === 'handing_over' && gateway.findSent) {
        // Sent before a crash or a timeout? Ask instead of sending twice.
        taken = await gateway.findSent(message, Number(row.handed_over_at ?? 0));
        if (taken) this.log(`outbound: ${gateway.name} already had ${row.id}; recorded without sending again`);
      }
      if (!taken) {
        await this.db.query(
          `UPDATE outbound_messages SET state = 'handing_over', handed_over_at = $2, attempts = attempts + 1, gateway = $3 WHERE id = $1`,
          [row.id, Date.now(), gateway.id],
        );
        taken = await gateway.send(message);
      }
      const handOver = taken;
      await run((work) => recordHandOver(work, row.id, gateway.id, handOver));
    } catch (error) {
      if (error instanceof GatewayRefusal) {
        this.log(`outbound: ${gateway.name} refused ${row.id} for good: ${error.message}`);
        await run((work) => recordRefusal(work, row.id, error.reason, error.code, error.message));
        return;
      }
      const maybeSent = !(error instanceof GatewayUnavailable) || error.maybeSent;
      const backoff = Math.min(MAX_RETRY_MS, (gateway.retryFirstDelayMs ?? 1000) * 2 ** Math.min(row.attempts, 20));
      const wait = error instanceof GatewayUnavailable && error.retryAfterMs !== undefined ? Math.max(error.retryAfterMs, backoff) : backoff;
      this.log(`outbound: ${gateway.name} could not take ${row.id} (retry in ${wait} ms): ${String(error)}`);
      await this.db.query(
        `UPDATE outbound_messages SET state = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1`,
        [row.id, maybeSent ? 'handing_over' : 'pending', Date.now() + wait, String(error)],
      );
    }
  }

  private scheduleRetry(ms: number): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.dispatch(), ms);
  }
}
