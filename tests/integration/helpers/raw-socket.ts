import WebSocket from 'ws';
import { parseServerFrame, type ServerFrame } from '../../../lib/protocol';

const WAIT_MS = 5000;

/**
 * A raw agent WebSocket: every frame received is validated against the protocol schema and
 * kept in order; waits look for a frame from a position on.
 */
export class RawSocket {
  readonly frames: ServerFrame[] = [];
  readonly invalid: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private readonly listeners = new Set<() => void>();
  /** Run on each frame before waiters look (the agent client applies events there). */
  onFrame: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const parsed = parseServerFrame(data.toString('utf8'));
      if (parsed.ok) this.frames.push(parsed.value);
      else this.invalid.push(`${parsed.message}: ${data.toString('utf8').slice(0, 300)}`);
      this.onFrame?.();
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static open(base: string): Promise<RawSocket> {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`);
    const socket = new RawSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  mark(): number {
    return this.frames.length;
  }

  waitForFrame<F extends ServerFrame>(match: (frame: ServerFrame) => frame is F, since?: number, timeoutMs?: number): Promise<F>;
  waitForFrame(match: (frame: ServerFrame) => boolean, since?: number, timeoutMs?: number): Promise<ServerFrame>;
  waitForFrame(match: (frame: ServerFrame) => boolean, since = 0, timeoutMs = WAIT_MS): Promise<ServerFrame> {
    return this.waitUntil(() => this.frames.slice(since).find(match), `a matching frame after #${since}`, timeoutMs);
  }

  waitForClose(timeoutMs = WAIT_MS): Promise<{ code: number; reason: string }> {
    return this.waitUntil(() => this.closed, 'the socket to close', timeoutMs);
  }

  waitUntil<T>(check: () => T | undefined, what: string, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const test = () => {
        if (this.invalid.length > 0) return finish(() => reject(new Error(`invalid server frame: ${this.invalid[0]}`)));
        const value = check();
        if (value !== undefined) return finish(() => resolve(value));
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-8)).slice(0, 3000)}`)),
          ),
        timeoutMs,
      );
      const finish = (done: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(test);
        done();
      };
      this.listeners.add(test);
      test();
    });
  }

  close(): void {
    this.ws.close();
  }

  /** Cuts the TCP connection with no closing handshake, like a network drop. */
  drop(): void {
    this.ws.terminate();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
