import type { WebSocket } from 'ws';
import {
  ClientFrame,
  CloseCode,
  parseClientFrame,
  PROTOCOL_VERSION,
  type ErrorCode,
  type ServerFrame,
} from '../../lib/protocol';
import { hashToken, verifyToken } from '../auth/tokens';
import { runCommand } from '../commands/dispatch';
import type { ServerContext } from '../context';
import { canReplayFrom, readEventsAfter, recordAck } from '../domain/events';
import { buildSnapshot } from '../domain/snapshot';
import { runWork } from '../domain/work';
import { routeWaiting } from '../routing/route';
import type { LiveConnection } from './hub';

const FRAME_TYPES = new Set<string>(ClientFrame.options.map((o) => o.entries.type.literal));
const EVENTS_PER_READ = 200;
/** Frames waiting behind a slow one; past this the client is flooding. */
const MAX_QUEUED_FRAMES = 100;

/**
 * One agent's WebSocket: hello → welcome, resume → snapshot or replay, then live events, acks,
 * pings and commands. Frames are handled one at a time, in order. Events are pulled from storage
 * (`deliver`), so replay and live delivery are one path and nothing is sent twice or skipped.
 */
export class AgentConnection implements LiveConnection {
  agentId: string | undefined;
  tokenHash: string | undefined;
  lastHeardAt = Date.now();
  /** The newest seq sent on this connection; undefined until `resume`. */
  private sentSeq: number | undefined;
  private frames: Promise<void> = Promise.resolve();
  private queued = 0;
  private delivering: Promise<void> | undefined;
  private deliverAgain = false;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerContext,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (error) => ctx.log(`ws: ${error.message}`));
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Resolves when the frames received so far are handled (for a clean shutdown). */
  async settled(): Promise<void> {
    await this.frames;
    await this.delivering;
  }

  onceClosed(listener: () => void): void {
    if (this.ws.readyState === this.ws.CLOSED) listener();
    else this.ws.once('close', listener);
  }

  /** Drops the socket without a closing handshake (a silent peer will not answer one). */
  terminate(): void {
    this.ws.terminate();
  }

  deliver(): Promise<void> {
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    this.delivering = (async () => {
      do {
        this.deliverAgain = false;
        await this.sendPendingEvents();
      } while (this.deliverAgain);
    })().finally(() => {
      this.delivering = undefined;
    });
    return this.delivering;
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.lastHeardAt = Date.now();
    if (isBinary) return this.sendError('bad_frame', 'Frames are JSON text, not binary.');
    if (data.length > this.ctx.config.server.maxFrameBytes) {
      return this.sendError('too_large', `The frame has ${data.length} bytes; the limit is ${this.ctx.config.server.maxFrameBytes}.`);
    }
    if (this.queued >= MAX_QUEUED_FRAMES) {
      this.ctx.log(`ws: closing a connection of ${this.agentId ?? 'nobody'} that floods frames`);
      return this.close(1008, 'too many frames at once');
    }
    this.queued += 1;
    const text = data.toString('utf8');
    this.frames = this.frames
      .then(() => this.handle(text))
      .catch((error: unknown) => {
        this.ctx.log(`ws: frame failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.sendError('internal', 'The server failed on this frame (the error was logged).');
      })
      .finally(() => {
        this.queued -= 1;
      });
  }

  private async handle(text: string): Promise<void> {
    const shapeProblem = frameShapeProblem(text);
    if (shapeProblem) return this.sendError('bad_frame', shapeProblem);
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return this.sendError('bad_request', parsed.message, commandIdOf(text));
    const frame = parsed.value;
    if (frame.type === 'hello') return this.hello(frame.protocolVersion, frame.token);
    if (frame.type === 'ping') return this.send({ type: 'pong', serverTime: Date.now() });
    const agentId = this.agentId;
    if (!agentId) {
      return this.sendError('not_signed_in', 'Send hello with your token first.', frame.type === 'command' ? frame.id : undefined);
    }
    switch (frame.type) {
      case 'resume':
        return this.resume(agentId, frame.lastSeq);
      case 'ack':
        return recordAck(this.ctx.db, agentId, frame.seq);
      case 'command': {
        // Its events are delivered (hub notify) before the answer goes out.
        const answer = await runCommand(this.ctx, agentId, frame.id, frame.command);
        return this.send(answer);
      }
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
    if (this.closed) return;
    const [agent] = await this.ctx.db.query<{ id: string; username: string; name: string; last_seq: unknown }>(
      'SELECT id, username, name, last_seq FROM agents WHERE id = $1',
      [agentId],
    );
    if (!agent) return this.close(CloseCode.unauthorized, 'unauthorized');
    this.agentId = agentId;
    this.tokenHash = hashToken(token);
    this.ctx.hub.add(this as this & { agentId: string });
    this.ctx.presence.connected(agentId);
    this.send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      agent: { id: agent.id, username: agent.username, name: agent.name },
      serverTime: Date.now(),
      seq: Number(agent.last_seq),
    });
    // A Ready agent coming (back) online can take what is waiting.
    await runWork(this.ctx, routeWaiting);
  }

  private async resume(agentId: string, lastSeq: number): Promise<void> {
    if (this.sentSeq !== undefined) {
      return this.sendError('bad_request', 'This connection has already resumed; reconnect to resume from another seq.');
    }
    const snapshot = await this.ctx.db.transaction(async (tx) =>
      (await canReplayFrom(tx, agentId, lastSeq)) ? undefined : buildSnapshot(tx, agentId),
    );
    if (snapshot) {
      this.send({ type: 'snapshot', seq: snapshot.seq, state: snapshot.state });
      this.sentSeq = snapshot.seq;
    } else {
      this.sentSeq = lastSeq;
    }
    await this.deliver();
  }

  private async sendPendingEvents(): Promise<void> {
    for (;;) {
      if (this.closed || this.sentSeq === undefined || !this.agentId) return;
      const events = await readEventsAfter(this.ctx.db, this.agentId, this.sentSeq, EVENTS_PER_READ);
      for (const stored of events) {
        this.send({ type: 'event', seq: stored.seq, at: stored.at, event: stored.event });
        this.sentSeq = stored.seq;
      }
      if (events.length < EVENTS_PER_READ) return;
    }
  }

  private send(frame: ServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private sendError(code: ErrorCode, message: string, id?: string): void {
    this.send(id === undefined ? { type: 'error', code, message } : { type: 'error', id, code, message });
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.hub.remove(this);
    if (this.agentId) this.ctx.presence.disconnected(this.agentId);
  }
}

/** Why the text is not a frame of this protocol at all (bad_frame), or undefined. */
function frameShapeProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The frame is not valid JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The frame must be a JSON object.';
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') return 'The frame has no "type".';
  if (!FRAME_TYPES.has(type)) return `Unknown frame type "${type.slice(0, 40)}"; expected one of ${[...FRAME_TYPES].join(', ')}.`;
  return undefined;
}

/** The id of an invalid command frame, so the client can match the error to what it sent. */
function commandIdOf(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown; id?: unknown };
    return value.type === 'command' && typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 64
      ? value.id
      : undefined;
  } catch {
    return undefined;
  }
}
