import type { Db } from '../db/db';
import type { Work } from '../domain/work';

/** Runs when a stored deadline is due, inside the transaction that deletes the deadline. */
export type DeadlineHandler = (work: Work, key: string) => Promise<void>;

type RunInWork = (body: (work: Work) => Promise<void>) => Promise<void>;

const MAX_TIMER_MS = 60 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 5000;
const BATCH = 50;

/**
 * One timer for every stored deadline (offer expiry, retries, housekeeping; later: session
 * inactivity, callbacks). Deadlines live in the `deadlines` table, so a restart neither loses nor
 * resets them: at start the timer is armed at the earliest one, and overdue ones fire at once.
 * A deadline is deleted in the same transaction as its handler's effects, so it fires exactly once.
 */
export class Scheduler {
  private readonly handlers = new Map<string, DeadlineHandler>();
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private loopAgain = false;
  private closed = false;
  private run: RunInWork | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: (line: string) => void,
  ) {}

  registerDeadlineKind(kind: string, handler: DeadlineHandler): void {
    if (this.handlers.has(kind)) throw new Error(`deadline kind ${kind} is registered twice`);
    this.handlers.set(kind, handler);
  }

  /** Sets (or moves) the deadline `kind`/`key`, in the caller's transaction. */
  static async schedule(work: Work, kind: string, key: string, dueAt: number): Promise<void> {
    await work.tx.query(
      `INSERT INTO deadlines (kind, key, due_at) VALUES ($1, $2, $3)
       ON CONFLICT (kind, key) DO UPDATE SET due_at = excluded.due_at`,
      [kind, key, dueAt],
    );
    work.deadlinesChanged = true;
  }

  static async cancel(work: Work, kind: string, key: string): Promise<void> {
    await work.tx.query('DELETE FROM deadlines WHERE kind = $1 AND key = $2', [kind, key]);
    work.deadlinesChanged = true;
  }

  /** Starts firing deadlines; `run` wraps each firing in a unit of work. */
  start(run: RunInWork): void {
    this.run = run;
    this.rearm();
  }

  /** Re-reads the earliest deadline and fires what is due; called after any change to deadlines. */
  rearm(): void {
    if (this.closed || !this.run) return;
    if (this.loop) {
      this.loopAgain = true;
      return;
    }
    this.loop = this.fireDueAndArm()
      .catch((error: unknown) => this.log(`scheduler: ${String(error)}`))
      .finally(() => {
        this.loop = undefined;
        if (this.loopAgain) {
          this.loopAgain = false;
          this.rearm();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.loop;
  }

  private async fireDueAndArm(): Promise<void> {
    clearTimeout(this.timer);
    for (;;) {
      if (this.closed) return;
      const due = await this.db.query<{ kind: string; key: string; due_at: unknown }>(
        'SELECT kind, key, due_at FROM deadlines WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
        [Date.now(), BATCH],
      );
      for (const deadline of due) await this.fire(deadline.kind, deadline.key, Number(deadline.due_at));
      if (due.length < BATCH) break;
    }
    if (this.closed) return;
    const [next] = await this.db.query<{ due_at: unknown }>('SELECT min(due_at) AS due_at FROM deadlines');
    if (next?.due_at === null || next?.due_at === undefined) return;
    const delay = Math.min(Math.max(0, Number(next.due_at) - Date.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.rearm(), delay);
  }

  private async fire(kind: string, key: string, dueAt: number): Promise<void> {
    const handler = this.handlers.get(kind);
    try {
      await this.run!(async (work) => {
        // Deleting with the due time seen guards against a deadline moved meanwhile.
        const claimed = await work.tx.query('DELETE FROM deadlines WHERE kind = $1 AND key = $2 AND due_at = $3 RETURNING 1', [
          kind,
          key,
          dueAt,
        ]);
        if (claimed.length === 0) return;
        if (!handler) {
          this.log(`scheduler: dropped a deadline of unknown kind ${kind} (${key})`);
          return;
        }
        await handler(work, key);
      });
    } catch (error) {
      // The handler's transaction rolled back, so the deadline is still stored: try again later
      // rather than spinning on a deadline that keeps failing.
      this.log(`scheduler: ${kind} ${key} failed, retrying in ${RETRY_AFTER_FAILURE_MS / 1000} s: ${String(error)}`);
      await this.db.query('UPDATE deadlines SET due_at = $4 WHERE kind = $1 AND key = $2 AND due_at = $3', [
        kind,
        key,
        dueAt,
        Date.now() + RETRY_AFTER_FAILURE_MS,
      ]);
    }
  }
}
