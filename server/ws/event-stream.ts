import type { ServerFrame } from '../../lib/protocol';
import type { Db } from '../db/db';
import { readEventsAfter } from '../domain/events';

const EVENTS_PER_READ = 200;

/**
 * One connection's view of its agent's event log: from the position set by `resume`, each stored
 * event is sent once, in seq order. `pump` is called whenever the agent may have new events; runs
 * never overlap (a call during a run makes it go round once more), so replay and live delivery
 * are one path and nothing is sent twice or skipped.
 */
export class EventStream {
  /** The newest seq sent; undefined until the client resumed. */
  private sentSeq: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly agentId: string,
    /** Sends one frame; false once the socket is gone. */
    private readonly send: (frame: ServerFrame) => boolean,
    /** Waits until the socket has room for more (false: it is gone); bounds what a slow reader buffers. */
    private readonly drained: () => Promise<boolean> = () => Promise.resolve(true),
  ) {}

  get started(): boolean {
    return this.sentSeq !== undefined;
  }

  /** Sets the position: the client has everything up to `seq` (its own, or a snapshot's). */
  startAfter(seq: number): void {
    this.sentSeq = seq;
  }

  stop(): void {
    this.stopped = true;
  }

  pump(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendNewEvents();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async settled(): Promise<void> {
    await this.running;
  }

  private async sendNewEvents(): Promise<void> {
    for (;;) {
      if (this.stopped || this.sentSeq === undefined) return;
      const events = await readEventsAfter(this.db, this.agentId, this.sentSeq, EVENTS_PER_READ);
      for (const stored of events) {
        if (!this.send({ type: 'event', seq: stored.seq, at: stored.at, event: stored.event })) return;
        this.sentSeq = stored.seq;
      }
      if (events.length < EVENTS_PER_READ) return;
      if (!(await this.drained())) return;
    }
  }
}
