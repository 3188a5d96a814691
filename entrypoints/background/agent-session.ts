import { readManagedSettings } from '@/lib/managed-settings/read';
import { applyEvent } from '@/lib/agent-state/reduce';
import type { BackgroundMessage, ConnectionInfo, PanelErrorCode, PanelRequest, SessionInfo } from '@/lib/messaging/panel-port';
import { enqueue, settle } from '@/lib/outbox/outbox';
import { createOutboxPacer } from '@/lib/outbox/pacer';
import { DESK_VERSION } from '@/lib/session/stored-desk';
import { Command, parseWith, type AgentProfile, type AgentState, type ServerFrame } from '@/lib/protocol';
import { createConnection } from './connection';
import { createDeskSignals } from './desk-signals';
import { fetchResponses } from './responses-fetch';
import type { PanelPorts } from './panel-ports';
import {
  clearAuth,
  createDeskWriter,
  loadAuth,
  loadDesk,
  saveAuth,
  type StoredAuth,
  type StoredDesk,
} from './session-store';
import { signIn, signOutOnServer } from './sign-in';
import { createQueryRelay } from './query-relay';
import { historyStorage } from '@/lib/history-cache';

const freshDesk = (agent: AgentProfile): StoredDesk => ({
  version: DESK_VERSION,
  agentId: agent.id,
  lastSeq: 0,
  state: null,
  settings: null,
  outbox: [],
  notifiedOffers: [],
  unread: {},
});

/**
 * The signed-in agent as the background holds it: credentials, the server's state as of
 * `lastSeq`, and the outbox. Everything it needs after a service-worker stop is in storage.
 */
export function createAgentSession(ports: PanelPorts) {
  let auth: StoredAuth | null = null;
  let desk: StoredDesk | null = null;
  /** Why the agent was signed out by the server, shown on the sign-in form. */
  let signedOutBecause: ConnectionInfo['lastError'];
  const writer = createDeskWriter(() => desk);
  // Contact histories and note drafts cached by the panel; cleared here so that a sign-out by the
  // server, with no panel open, still leaves nothing of this agent's contacts behind.
  const history = historyStorage();
  const signals = createDeskSignals({
    ports,
    desk: () => desk,
    save: () => void writer.whenSaved(),
    serverNow: () => Date.now() + (connection.info.clockOffset ?? 0),
  });

  const connection = createConnection({
    onInfo: (connectionInfo) => {
      if (connectionInfo.phase !== 'connected') queries.failAll();
      ports.broadcast({ type: 'connection', connection: connectionInfo });
    },
    onWelcome(welcome) {
      if (!desk || desk.agentId !== welcome.agent.id) desk = freshDesk(welcome.agent);
      desk.settings = welcome.settings;
      void writer.whenSaved();
      ports.broadcast(syncMessage());
      connection.send({ type: 'resume', lastSeq: desk.lastSeq });
      // Same ids as before: the server answers a command it already ran without running it again.
      outboxPacer.reconnected();
      outboxPacer.pump();
    },
    onFrame: handleFrame,
    onUnauthorized: (message, signedOut) => void endSession({ code: signedOut ? 'signed_out' : 'unauthorized', message }),
  });

  const sessionInfo = (): SessionInfo | null =>
    auth && { server: auth.server, agentId: auth.agent.id, username: auth.agent.username, name: auth.agent.name };

  const syncMessage = (): BackgroundMessage => ({
    type: 'sync',
    session: sessionInfo(),
    connection: auth ? connection.info : { phase: 'signed_out', ...(signedOutBecause ? { lastError: signedOutBecause } : {}) },
    state: desk?.state ?? null,
    settings: desk?.settings ?? null,
    unread: desk?.unread ?? {},
  });

  const reply = (requestId: string, outcome: { ok: true; result?: Record<string, unknown> } | { ok: false; code: PanelErrorCode; message: string }) =>
    ports.broadcast({ type: 'reply', requestId, ...outcome });
  const queries = createQueryRelay((frame) => connection.send(frame), reply);

  const afterStateChange = (state: AgentState | null) => signals.afterStateChange(state);

  /** Sends the stored outbox a few commands at a time (the next one as each is answered), never 600 at once. */
  const outboxPacer = createOutboxPacer(
    () => desk?.outbox ?? [],
    (entry) => connection.send({ type: 'command', id: entry.id, command: entry.command }),
  );

  // One ack for the newest seq stored, not one per event: a long replay is acked a few times.
  let highestToAck = 0;
  let ackedSeq = 0;
  function acknowledge(seq: number) {
    highestToAck = Math.max(highestToAck, seq);
    writer
      .whenSaved()
      .then(() => {
        if (seq !== highestToAck || seq <= ackedSeq) return;
        if (connection.send({ type: 'ack', seq })) ackedSeq = seq;
      })
      .catch((error: unknown) => console.error('Texto: cannot persist the agent state:', error));
  }

  function handleFrame(frame: ServerFrame) {
    if (!desk) return;
    switch (frame.type) {
      case 'snapshot':
        // A snapshot may go back (the server's data was reset): acks start again from it.
        highestToAck = ackedSeq = 0;
        desk.state = frame.state;
        desk.lastSeq = frame.seq;
        signals.afterSnapshot(frame.state);
        ports.broadcast(syncMessage());
        afterStateChange(desk.state);
        acknowledge(frame.seq);
        return;
      case 'event':
        // Replays overlap what was applied before a stop: apply each seq once.
        if (frame.seq <= desk.lastSeq || !desk.state) return;
        signals.beforeEvent(desk.state, frame.event);
        desk.state = applyEvent(desk.state, frame.event);
        desk.lastSeq = frame.seq;
        ports.broadcast({ type: 'event', seq: frame.seq, event: frame.event });
        afterStateChange(desk.state);
        acknowledge(frame.seq);
        return;
      case 'result':
        queries.settle(frame.id, { ok: true, result: frame.result });
        return;
      case 'ok':
      case 'error': {
        if (frame.type === 'error' && frame.id === undefined) {
          console.warn(`Texto: the server reported ${frame.code}: ${frame.message}`);
          return;
        }
        if (frame.type === 'error' && queries.settle(frame.id ?? '', { ok: false, code: frame.code, message: frame.message })) return;
        const { outbox, settled } = settle(desk.outbox, frame.id ?? '');
        if (!settled) return;
        desk.outbox = outbox;
        void writer.whenSaved();
        outboxPacer.answered(settled.id);
        if (frame.type === 'ok') {
          reply(settled.requestId, { ok: true, ...(frame.result ? { result: frame.result } : {}) });
          return;
        }
        reply(settled.requestId, { ok: false, code: frame.code, message: frame.message });
        if (frame.code === 'unauthorized') void endSession({ code: frame.code, message: frame.message });
        return;
      }
      case 'settings':
        // The administrator reloaded the configuration: new settings on the same connection.
        desk.settings = frame.settings;
        if (auth && auth.agent.id === frame.agent.id) {
          auth = { ...auth, agent: frame.agent };
          void saveAuth(auth);
        }
        void writer.whenSaved();
        ports.broadcast(syncMessage());
        return;
      case 'welcome':
      case 'pong':
        return;
    }
  }

  /** Forgets the agent locally (the server has already refused, or the agent asked). */
  async function endSession(because?: ConnectionInfo['lastError']) {
    const pending = desk?.outbox ?? [];
    auth = null;
    desk = null;
    signedOutBecause = because;
    connection.stop();
    for (const entry of pending) reply(entry.requestId, { ok: false, code: 'unauthorized', message: because?.message ?? '' });
    afterStateChange(null);
    const forgetContacts = history.cache.clear().catch((error: unknown) => console.error('Texto: cannot clear the history cache:', error));
    await Promise.all([clearAuth(), writer.whenSaved(), forgetContacts]);
    ports.broadcast(syncMessage());
  }

  async function handleSignIn(request: Extract<PanelRequest, { type: 'signIn' }>) {
    // The form shows IT's server read-only; a request for another one is not the agent's doing.
    const managed = await readManagedSettings();
    const server = managed.allowServerChange ? request.server : managed.serverUrl!;
    const outcome = await signIn(server, request.username, request.password);
    if (!outcome.ok) {
      reply(request.requestId, outcome);
      return;
    }
    if (auth) await endSession();
    auth = outcome.auth;
    signedOutBecause = undefined;
    desk = freshDesk(outcome.auth.agent);
    await Promise.all([saveAuth(outcome.auth), writer.whenSaved()]);
    connection.start(outcome.auth);
    ports.broadcast(syncMessage());
    reply(request.requestId, { ok: true });
  }

  async function handleSignOut(requestId: string) {
    const previous = auth;
    await endSession();
    reply(requestId, { ok: true });
    if (previous) await signOutOnServer(previous);
  }

  async function handleCommand(request: Extract<PanelRequest, { type: 'command' }>) {
    const parsed = parseWith(Command, request.command);
    if (!parsed.ok) return reply(request.requestId, { ok: false, code: 'bad_request', message: parsed.message });
    if (!auth || !desk) return reply(request.requestId, { ok: false, code: 'not_signed_in', message: '' });
    const entry = { id: crypto.randomUUID(), requestId: request.requestId, command: parsed.value, createdAt: Date.now() };
    desk.outbox = enqueue(desk.outbox, entry);
    // Stored before it leaves: a worker stopped right after sending still re-sends it on wake.
    await writer.whenSaved();
    outboxPacer.pump();
  }

  const loaded = (async () => {
    auth = await loadAuth();
    const restored = await loadDesk();
    if (restored?.kind === 'replaced') {
      // Not used as it is: resume from 0 gets a fresh snapshot; the commands it held are kept.
      console.warn(`Texto: the stored desk could not be read (${restored.problem}); asking the server for a fresh one.`);
      desk = auth && restored.agentId === auth.agent.id ? { ...freshDesk(auth.agent), outbox: restored.outbox } : null;
    } else desk = restored?.desk ?? null;
    if (auth && desk?.agentId !== auth.agent.id) desk = freshDesk(auth.agent);
    if (!auth) desk = null;
    if (auth) connection.start(auth);
    signals.resumed(desk?.state ?? null);
  })();

  return {
    /** Sends the whole picture to a panel that just connected. */
    async greet(post: (message: BackgroundMessage) => void) {
      await loaded;
      post(syncMessage());
    },
    async handle(request: PanelRequest) {
      await loaded;
      switch (request.type) {
        case 'signIn':
          return handleSignIn(request);
        case 'signOut':
          return handleSignOut(request.requestId);
        case 'command':
          return handleCommand(request);
        case 'reconnect':
          connection.reconnectNow();
          return reply(request.requestId, { ok: true });
        case 'query':
          return queries.ask(request.requestId, request.query, !!auth && connection.isReady);
        case 'viewing':
        case 'openTarget':
          // Need the port: routed by the background's main (`viewing` below, open-target.ts).
          return;
        case 'fetchResponses':
          return reply(request.requestId, auth ? await fetchResponses(auth) : { ok: false, code: 'not_signed_in', message: '' });
      }
    },
    /** A panel says what it shows: its messages are read. */
    async viewing(port: Parameters<typeof signals.viewing>[0], key: string | null) {
      await loaded;
      signals.viewing(port, key);
    },
    panelGone: (port: Parameters<typeof signals.panelGone>[0]) => signals.panelGone(port),
    /** Accept or Reject from a notification's button: the same command as the panel's, through the outbox. */
    async answerOffer(interactionId: string, answer: 'accept' | 'reject') {
      await loaded;
      await handleCommand({ type: 'command', requestId: `notification:${crypto.randomUUID()}`, command: { name: answer, interactionId } });
    },
    /** The browser says the network is back: no reason to wait for the backoff. */
    networkBack() {
      void loaded.then(() => connection.reconnectNow());
    },
  };
}
