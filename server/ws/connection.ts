import type { WebSocket } from 'ws';
import { ClientFrame, CloseCode, describeUnstorable, findUnstorableString, parseWith, PROTOCOL_VERSION, type ErrorCode, type ServerFrame } from '../../lib/protocol';
import { hashToken, verifyToken } from '../auth/tokens';
import { runCommand } from '../commands/dispatch';
import { runQuery } from '../queries/run';
import { agentSettings } from '../config/agent-settings';
import type { ServerContext } from '../context';
import { canReplayFrom, recordAck } from '../domain/events';
import { buildSnapshot } from '../domain/snapshot';
import { agentLeft } from '../routing/requeue';
import type { Arrivals } from './arrivals';
import { EventStream } from './event-stream';
import { commandIdOf, frameShapeProblem } from './frame-checks';
import type { LiveConnection } from './hub';
/** Frames waiting behind a slow one; past this the socket stops being read until they drain (backpressure, not a cut). */
const PAUSE_AT_QUEUED = 100;
const RESUME_AT_QUEUED = 20;
/**
 * Abuse, told from a burst: more frames than this in one window. An extension resending a long
 * outbox sends one command per answer in flight, and acks once per write, so it stays far below.
 */
const FLOOD_WINDOW_MS = 10_000;
const FLOOD_FRAMES_PER_WINDOW = 5_000;
/** Event replay waits while this much output is unsent… */
const SEND_HIGH_WATER = 1024 * 1024;

/**
 * One agent's WebSocket: hello → welcome, resume → snapshot or replay, then live events, acks,
 * pings and commands. Frames are handled one at a time, in order; events go out through the
 * connection's `EventStream`, pulled from storage.
 */
export class AgentConnection implements LiveConnection {
  agentId: string | undefined;
  tokenHash: string | undefined;
  lastHeardAt = Date.now();
  /** Created by a successful hello; sends events once the client resumed. */
  private events: EventStream | undefined;
  private frames: Promise<void> = Promise.resolve();
  private queued = 0;
  private paused = false;
  private windowStart = Date.now();
  private framesInWindow = 0;
  private closed = false;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerContext,
    private readonly arrivals: Arrivals,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (error) => ctx.log(`ws: ${error.message}`));
    // A socket that only pings (or sends nothing) without signing in holds a descriptor for nothing.
    this.helloTimer = setTimeout(() => {
      if (!this.agentId) this.close(CloseCode.helloTimeout, 'no hello in time');
    }, ctx.config.server.helloTimeoutSeconds * 1000);
    this.helloTimer.unref();
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Resolves when the frames received so far are handled (for a clean shutdown). */
  async settled(): Promise<void> {
    await this.frames;
    await this.events?.settled();
  }

  onceClosed(listener: () => void): void {
    if (this.ws.readyState === this.ws.CLOSED) listener();
    else this.ws.once('close', listener);
  }

  /** Drops the socket without a closing handshake (a silent peer will not answer one). */
  terminate(): void {
    this.ws.terminate();
  }

  pushSettings(): void {
    const agent = this.agentId === undefined ? undefined : this.ctx.config.agents.find((a) => (a.id ?? a.username) === this.agentId);
    if (!agent) return;
    this.send({
      type: 'settings',
      agent: { id: agent.id ?? agent.username, username: agent.username, name: agent.name },
      settings: agentSettings(this.ctx.config, agent.id ?? agent.username),
    });
  }

  deliver(): Promise<void> {
    return this.events?.pump() ?? Promise.resolve();
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.lastHeardAt = Date.now();
    if (isBinary) return this.sendError('bad_frame', 'Frames are JSON text, not binary.');
    if (data.length > this.ctx.config.server.maxFrameBytes) {
      return this.sendError('too_large', `The frame has ${data.length} bytes; the limit is ${this.ctx.config.server.maxFrameBytes}.`);
    }
    if (this.isFlooding()) return;
    this.queued += 1;
    if (this.queued >= PAUSE_AT_QUEUED && !this.paused) {
      this.paused = true;
      this.ws.pause();
    }
    const text = data.toString('utf8');
    this.frames = this.frames
      .then(() => this.handle(text))
      .catch((error: unknown) => {
        this.ctx.log(`ws: frame failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.sendError('internal', 'The server failed on this frame (the error was logged).');
      })
      .finally(() => {
        this.queued -= 1;
        if (this.paused && this.queued <= RESUME_AT_QUEUED) {
          this.paused = false;
          this.ws.resume();
        }
      });
  }

  /** Closes (once, with one log line) a client sending far more than any extension would. */
  private isFlooding(): boolean {
    const now = Date.now();
    if (now - this.windowStart > FLOOD_WINDOW_MS) {
      this.windowStart = now;
      this.framesInWindow = 0;
    }
    this.framesInWindow += 1;
    if (this.framesInWindow <= FLOOD_FRAMES_PER_WINDOW) return false;
    if (this.framesInWindow === FLOOD_FRAMES_PER_WINDOW + 1) {
      this.ctx.log(`ws: closing a connection of ${this.agentId ?? 'nobody'}: over ${FLOOD_FRAMES_PER_WINDOW} frames in ${FLOOD_WINDOW_MS / 1000} s`);
      this.close(CloseCode.flooding, 'too many frames');
    }
    return true;
  }

  private async handle(text: string): Promise<void> {
    const shapeProblem = frameShapeProblem(text);
    if (shapeProblem) return this.sendError('bad_frame', shapeProblem);
    const json: unknown = JSON.parse(text);
    // Checked once here for every frame: no handler ever sees a string the database cannot store.
    const unstorable = findUnstorableString(json);
    if (unstorable) return this.sendError('bad_request', describeUnstorable(unstorable), commandIdOf(text));
    const parsed = parseWith(ClientFrame, json);
    if (!parsed.ok) return this.sendError('bad_request', parsed.message, commandIdOf(text));
    const frame = parsed.value;
    if (frame.type === 'hello') return this.hello(frame.protocolVersion, frame.token);
    if (frame.type === 'ping') {
      this.send({ type: 'pong', serverTime: Date.now() });
      return;
    }
    const agentId = this.agentId;
    if (!agentId) {
      return this.sendError('not_signed_in', 'Send hello with your token first.', frame.type === 'command' || frame.type === 'query' ? frame.id : undefined);
    }
    switch (frame.type) {
      case 'resume':
        return this.resume(agentId, frame.lastSeq);
      case 'ack':
        return recordAck(this.ctx.db, agentId, frame.seq);
      case 'command': {
        // Its events are delivered (hub notify) before the answer goes out.
        this.send(await runCommand(this.ctx, agentId, frame.id, frame.command));
        return;
      }
      case 'query':
        this.send(await runQuery(this.ctx, agentId, frame.id, frame.query));
        return;
    }
  }

  private async hello(protocolVersion: number, token: string): Promise<void> {
    if (this.agentId) return this.sendError('bad_request', 'This connection is already signed in.');
    if (protocolVersion !== PROTOCOL_VERSION) {
      this.sendError(
        'unsupported_version',
        `This server speaks protocol version ${PROTOCOL_VERSION}, not ${protocolVersion}. Update the extension.`,
      );
      return this.close(CloseCode.unsupportedVersion, 'unsupported protocol version');
    }
    const { auth } = this.ctx.config;
    const agentId = await verifyToken(this.ctx.db, token, Date.now(), auth.tokenLifetimeDays);
    if (!agentId) {
      this.sendError('unauthorized', 'Your session has expired or was signed out. Sign in again.');
      return this.close(CloseCode.unauthorized, 'unauthorized');
    }
    const [agent] = await this.ctx.db.query<{ id: string; username: string; name: string; last_seq: unknown }>(
      'SELECT id, username, name, last_seq FROM agents WHERE id = $1',
      [agentId],
    );
    if (!agent) return this.close(CloseCode.unauthorized, 'unauthorized');
    // Closed while we looked the token up: registering now would leave a ghost presence.
    if (this.closed) return;
    this.agentId = agentId;
    this.tokenHash = hashToken(token);
    this.events = new EventStream(this.ctx.db, agentId, (frame) => this.send(frame), () => this.drained());
    this.ctx.hub.add(this as this & { agentId: string });
    this.ctx.presence.connected(agentId);
    this.send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      agent: { id: agent.id, username: agent.username, name: agent.name },
      serverTime: Date.now(),
      settings: agentSettings(this.ctx.config, agent.id),
      seq: Number(agent.last_seq),
    });
    // A Ready agent coming (back) online can take what is waiting, and keeps what it holds.
    await this.arrivals.arrived(agentId);
  }

  private async resume(agentId: string, lastSeq: number): Promise<void> {
    const events = this.events;
    if (!events) return;
    if (events.started) {
      return this.sendError('bad_request', 'This connection has already resumed; reconnect to resume from another seq.');
    }
    const snapshot = await this.ctx.db.transaction(async (tx) =>
      (await canReplayFrom(tx, agentId, lastSeq)) ? undefined : buildSnapshot(tx, agentId),
    );
    if (snapshot) this.send({ type: 'snapshot', seq: snapshot.seq, state: snapshot.state });
    events.startAfter(snapshot ? snapshot.seq : lastSeq);
    await events.pump();
  }

  private send(frame: ServerFrame): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    if (this.ws.bufferedAmount > this.ctx.config.server.maxSendBufferBytes) {
      this.dropNotReading();
      return false;
    }
    return true;
  }

  /**
   * Resolves true once the unsent output is under the high-water mark (replay goes on), false when
   * the socket closed or the client has not read for a heartbeat timeout (it is then dropped).
   */
  private async drained(): Promise<boolean> {
    const giveUpAt = Date.now() + this.ctx.config.server.heartbeatTimeoutSeconds * 1000;
    while (this.ws.readyState === this.ws.OPEN && this.ws.bufferedAmount > SEND_HIGH_WATER) {
      if (Date.now() > giveUpAt) {
        this.dropNotReading();
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.ws.readyState === this.ws.OPEN;
  }

  private dropNotReading(): void {
    this.ctx.log(`ws: dropping a connection of ${this.agentId ?? 'nobody'} that stopped reading (${this.ws.bufferedAmount} bytes unsent)`);
    this.close(CloseCode.notReading, 'not reading');
    this.terminate();
  }

  private sendError(code: ErrorCode, message: string, id?: string): void {
    this.send(id === undefined ? { type: 'error', code, message } : { type: 'error', id, code, message });
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.helloTimer);
    this.events?.stop();
    this.ctx.hub.remove(this);
    if (this.agentId) {
      const agentId = this.agentId;
      this.ctx.presence.disconnected(agentId);
      agentLeft(this.ctx, agentId).catch((error: unknown) => this.ctx.log(`presence: ${String(error)}`));
    }
  }
}
