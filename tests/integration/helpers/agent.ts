import { randomUUID } from 'node:crypto';
import { applyEvent } from '../../../lib/agent-state/reduce';
import {
  PROTOCOL_VERSION,
  type AgentEvent,
  type AgentEventType,
  type AgentState,
  type Command,
  type Query,
  type QueryResultOf,
  type ServerFrame,
  type SignInResponse,
} from '../../../lib/protocol';
import { RawSocket } from './raw-socket';
import { DEMO_PASSWORD } from './server';
import { postJson } from './simulator';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
export type CommandAnswer = Frame<'ok'> | Frame<'error'>;

const WAIT_MS = 5000;

export { RawSocket };

export async function signIn(base: string, username: string, password = DEMO_PASSWORD): Promise<SignInResponse> {
  const answer = await postJson<SignInResponse>(`${base}/api/auth/sign-in`, { username, password });
  if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A signed-in agent desktop as the background runs it: hello → resume(lastSeq), applies events
 * with the real reducer (ignoring seq <= lastSeq), acks them, and sends commands with ids.
 */
export class AgentClient {
  state: AgentState | undefined;
  lastSeq = 0;
  /** Every event applied, in order, across reconnects. */
  readonly applied: { seq: number; at: number; event: AgentEvent }[] = [];
  socket!: RawSocket;

  private constructor(
    public base: string,
    readonly token: string,
    readonly agentId: string,
  ) {}

  static async connect(base: string, username: string, options: { autoAck?: boolean } = {}): Promise<AgentClient> {
    const session = await signIn(base, username);
    const client = new AgentClient(base, session.token, session.agent.id);
    client.autoAck = options.autoAck ?? true;
    await client.open();
    return client;
  }

  autoAck = true;

  /** Opens a socket, says hello, resumes from `lastSeq` and waits for the snapshot or the replay. */
  async open(): Promise<Frame<'welcome'>> {
    this.socket = await RawSocket.open(this.base);
    const socket = this.socket;
    socket.onFrame = () => this.applyNewFrames(socket);
    socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token: this.token });
    const welcome = await socket.waitForFrame((f): f is Frame<'welcome'> => f.type === 'welcome');
    const resumeMark = socket.mark();
    socket.send({ type: 'resume', lastSeq: this.lastSeq });
    if (this.lastSeq === 0 || this.lastSeq > welcome.seq) {
      await socket.waitForFrame((f) => f.type === 'snapshot', resumeMark);
    } else {
      await socket.waitUntil(() => (this.lastSeq >= welcome.seq ? true : undefined), `replay up to seq ${welcome.seq}`);
    }
    return welcome;
  }

  private readonly seenFrames = new WeakMap<RawSocket, number>();

  private applyNewFrames(socket: RawSocket): void {
    let index = this.seenFrames.get(socket) ?? 0;
    for (; index < socket.frames.length; index++) {
      const frame = socket.frames[index]!;
      if (frame.type === 'snapshot') {
        this.state = frame.state;
        this.lastSeq = frame.seq;
      } else if (frame.type === 'event' && frame.seq > this.lastSeq && this.state) {
        this.state = applyEvent(this.state, frame.event);
        this.lastSeq = frame.seq;
        this.applied.push({ seq: frame.seq, at: frame.at, event: frame.event });
        if (this.autoAck) socket.send({ type: 'ack', seq: frame.seq });
      }
    }
    this.seenFrames.set(socket, index);
  }

  /** Sends a command with a fresh (or given) id and waits for its ok/error. */
  async command(command: Command, id: string = randomUUID()): Promise<CommandAnswer> {
    const mark = this.socket.mark();
    this.socket.send({ type: 'command', id, command });
    return this.socket.waitForFrame(
      (f): f is CommandAnswer => (f.type === 'ok' || f.type === 'error') && f.id === id,
      mark,
    );
  }

  /** Like `command` but fails the test unless the answer is ok. */
  async ok(command: Command, id?: string): Promise<Frame<'ok'>> {
    const answer = await this.command(command, id);
    if (answer.type !== 'ok') throw new Error(`${command.name} refused: ${answer.code} ${answer.message}`);
    return answer;
  }

  /** Sends a query and waits for its result or error frame. */
  async ask(query: Query, id: string = randomUUID()): Promise<Frame<'result'> | Frame<'error'>> {
    const mark = this.socket.mark();
    this.socket.send({ type: 'query', id, query });
    return this.socket.waitForFrame(
      (f): f is Frame<'result'> | Frame<'error'> => (f.type === 'result' || f.type === 'error') && f.id === id,
      mark,
    );
  }

  /** Like `ask` but fails the test unless the query is answered. */
  async read<Q extends Query>(query: Q): Promise<QueryResultOf<Q['query']>> {
    const answer = await this.ask(query);
    if (answer.type !== 'result') throw new Error(`${query.query} refused: ${answer.code} ${answer.message}`);
    return answer.result as QueryResultOf<Q['query']>;
  }

  /** Waits for an applied event of `type` (optionally matching) at position `since` or later in `applied`. */
  waitForEvent<T extends AgentEventType>(
    type: T,
    match: (event: Extract<AgentEvent, { type: T }>) => boolean = () => true,
    since = 0,
    timeoutMs = WAIT_MS,
  ): Promise<Extract<AgentEvent, { type: T }> & { seq: number; at: number }> {
    return this.socket.waitUntil(() => {
      const found = this.applied
        .slice(since)
        .find(
          (e): e is { seq: number; at: number; event: Extract<AgentEvent, { type: T }> } =>
            e.event.type === type && match(e.event as Extract<AgentEvent, { type: T }>),
        );
      return found ? { ...found.event, seq: found.seq, at: found.at } : undefined;
    }, `event ${type} after #${since}`, timeoutMs);
  }

  /** Waits for an offer of the given interaction to stand in the agent's state. */
  waitForOffer(interactionId: string, timeoutMs = WAIT_MS) {
    return this.socket.waitUntil(() => this.state?.offers.find((o) => o.interaction.id === interactionId), `an offer of ${interactionId}`, timeoutMs);
  }

  mark(): number {
    return this.applied.length;
  }

  /** Opens a new socket (to `url`, e.g. a restarted server) and resumes from the seq it has. */
  async reconnect(url = this.base): Promise<Frame<'welcome'>> {
    if (!this.socket.closed) this.socket.drop();
    this.base = url;
    return this.open();
  }

  close(): void {
    this.socket.close();
  }
}
