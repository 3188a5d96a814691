import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ServerFrame } from '../../lib/protocol';
import { openPglite } from '../../server/db/pglite';
import { pruneEvents } from '../../server/domain/events';
import { AgentClient, RawSocket, signIn } from './helpers/agent';
import { PAGE_NUMBER, SESSION_NUMBER, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { freshPhone, setChannel, textCentre } from './helpers/simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  cleanups.push(() => server.close());
  return server;
}

async function agent(server: TestServer, username: string, options?: { autoAck?: boolean }): Promise<AgentClient> {
  const client = await AgentClient.connect(server.url, username, options);
  cleanups.push(() => client.close());
  return client;
}

/** A raw socket that said hello and resumed from `lastSeq`; returns the frames after resume. */
async function resumeRaw(server: TestServer, username: string, lastSeq: number) {
  const { token } = await signIn(server.url, username);
  const socket = await RawSocket.open(server.url);
  cleanups.push(() => socket.close());
  socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
  const welcome = await socket.waitForFrame((f): f is Extract<ServerFrame, { type: 'welcome' }> => f.type === 'welcome');
  const mark = socket.mark();
  socket.send({ type: 'resume', lastSeq });
  return { socket, welcome, mark };
}

/** Makes each frame handled so far be processed: frames on a connection are handled in order. */
async function flush(client: AgentClient): Promise<void> {
  const mark = client.socket.mark();
  client.socket.send({ type: 'ping' });
  await client.socket.waitForFrame((f) => f.type === 'pong', mark);
}

describe('resume', () => {
  it('replays exactly the events missed while the socket was down, ending in the same state as a snapshot', async () => {
    const server = await serverWith();
    const alice = await agent(server, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const phone = freshPhone();
    const first = await textCentre(server.url, phone, SESSION_NUMBER, 'Bonjour');
    await alice.waitForOffer(first.interactionId);
    await alice.ok({ name: 'accept', interactionId: first.interactionId });
    const seqBeforeDrop = alice.lastSeq;
    const appliedBeforeDrop = alice.applied.length;

    alice.socket.drop();
    await alice.socket.waitForClose();
    // While it is away (within the presence grace): a new offer, texts, a channel flapping.
    await textCentre(server.url, phone, SESSION_NUMBER, 'Vous êtes là ?');
    const second = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Autre client');
    await setChannel(server.url, 'mms', false);
    await setChannel(server.url, 'mms', true);

    const welcome = await alice.reconnect();
    const frames = alice.socket.frames;
    expect(frames.some((f) => f.type === 'snapshot')).toBe(false);
    const replayed = frames.filter((f) => f.type === 'event').map((f) => f.seq);
    expect(replayed[0]).toBe(seqBeforeDrop + 1);
    expect(replayed).toEqual(Array.from({ length: welcome.seq - seqBeforeDrop }, (_, i) => seqBeforeDrop + 1 + i));
    expect(alice.applied.slice(appliedBeforeDrop).map((e) => e.event.type)).toEqual([
      'transcriptAppended',
      'interactionUpdated', // the session's inactivity deadline, moved by the customer's text
      'offerMade',
      'channelsChanged',
      'channelsChanged',
    ]);
    // Across both sockets every seq was applied once, in order.
    const seqs = alice.applied.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));

    const fresh = await resumeRaw(server, 'alice', 0);
    const snapshot = await fresh.socket.waitForFrame((f): f is Extract<ServerFrame, { type: 'snapshot' }> => f.type === 'snapshot', fresh.mark);
    expect(snapshot.seq).toBe(alice.lastSeq);
    expect(alice.state).toEqual(snapshot.state);
    expect(snapshot.state.offers.map((o) => o.interaction.id)).toEqual([second.interactionId]);
  });

  it('sends live events to every connection of the agent', async () => {
    const server = await serverWith();
    const alice = await agent(server, 'alice');
    const other = await agent(server, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    await other.socket.waitUntil(() => (other.state?.status === 'ready' ? true : undefined), 'the other desktop to see Ready');
    expect(other.lastSeq).toBe(alice.lastSeq);
  });

  it('answers resume 0 with a snapshot of offers, interactions, status and channels', async () => {
    const server = await serverWith();
    const alice = await agent(server, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const accepted = await textCentre(server.url, '+33612345678', PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(accepted.interactionId);
    await alice.ok({ name: 'accept', interactionId: accepted.interactionId });
    const offered = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Re-bonjour');
    await alice.waitForOffer(offered.interactionId);

    const { socket, welcome, mark } = await resumeRaw(server, 'alice', 0);
    const snapshot = await socket.waitForFrame((f): f is Extract<ServerFrame, { type: 'snapshot' }> => f.type === 'snapshot', mark);
    expect(snapshot.seq).toBe(welcome.seq);
    expect(snapshot.state.status).toBe('ready');
    expect(snapshot.state.agent).toEqual({ id: 'alice', username: 'alice', name: 'Alice Martin' });
    expect(snapshot.state.interactions.map((i) => [i.id, i.customer.name])).toEqual([[accepted.interactionId, 'Camille Lefebvre']]);
    expect(snapshot.state.offers.map((o) => o.interaction.id)).toEqual([offered.interactionId]);
    expect(snapshot.state.channels.every((c) => c.available)).toBe(true);
    expect(snapshot.state).toEqual(alice.state);
  });

  it('answers with a snapshot when the client is ahead of the server (its data was reset)', async () => {
    const server = await serverWith();
    const { socket, welcome, mark } = await resumeRaw(server, 'bob', 500);
    const snapshot = await socket.waitForFrame((f) => f.type === 'snapshot', mark);
    expect(snapshot).toMatchObject({ type: 'snapshot', seq: welcome.seq });
  });

  it('prunes only acknowledged events, and answers a resume from before the pruned ones with a snapshot', async () => {
    const dir = tempDataDir();
    cleanups.push(() => dir.remove());
    const first = await startTestServer({ dataDir: dir.path });
    const alice = await AgentClient.connect(first.url, 'alice', { autoAck: false });
    await alice.ok({ name: 'setStatus', status: 'ready' });
    await alice.ok({ name: 'setStatus', status: 'not_ready' });
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const acked = alice.lastSeq - 1;
    alice.socket.send({ type: 'ack', seq: acked });
    await flush(alice);
    alice.close();
    await first.close();

    // Two hours later, with a one-hour retention and nothing kept for its own sake.
    const db = await openPglite(dir.path);
    const pruned = await pruneEvents(db, Date.now() + 2 * 3600_000, { retentionHours: 1, keepAtLeast: 0 });
    const left = await db.query<{ seq: number }>(`SELECT seq FROM agent_events WHERE agent_id = 'alice' ORDER BY seq`);
    await db.close();
    expect(pruned).toBe(acked);
    expect(left.map((r) => Number(r.seq))).toEqual([alice.lastSeq]);

    const second = await serverWith({ dataDir: dir.path });
    const old = await resumeRaw(second, 'alice', 1);
    expect(await old.socket.waitForFrame((f) => f.type === 'snapshot', old.mark)).toMatchObject({ seq: alice.lastSeq });
    const recent = await resumeRaw(second, 'alice', acked);
    await recent.socket.waitForFrame((f) => f.type === 'event' && f.seq === alice.lastSeq, recent.mark);
    expect(recent.socket.frames.slice(recent.mark).map((f) => f.type)).toEqual(['event']);
  });
});
