import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, interactionOf, transcriptLines } from './helpers/desk';
import { demoConfig, PAGE_NUMBER, SESSION_NUMBER, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { freshPhone, receivedBy, textCentre } from './helpers/simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(inactivitySeconds?: number, dataDir?: string): Promise<TestServer> {
  const config = demoConfig((c) => {
    if (inactivitySeconds !== undefined) c.numbers[1]!.sessionInactivitySeconds = inactivitySeconds;
  });
  const server = await startTestServer({ config, ...(dataDir ? { dataDir } : {}) });
  cleanups.push(() => server.close());
  return server;
}

async function readyAgent(server: TestServer, username = 'alice'): Promise<AgentClient> {
  const agent = await AgentClient.connect(server.url, username);
  cleanups.push(() => agent.close());
  await agent.ok({ name: 'setStatus', status: 'ready' });
  return agent;
}

describe('session mode', () => {
  it('sends every later SMS straight to the agent who accepted, with no new offer, and restarts the inactivity time on each SMS', async () => {
    const server = await serverWith();
    const alice = await readyAgent(server);
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'Bonjour, ma box clignote');
    const accepted = interactionOf(alice, interactionId)!;
    expect(accepted.inactivityDeadline! - accepted.acceptedAt!).toBe(600_000);

    const mark = alice.mark();
    await new Promise((r) => setTimeout(r, 20));
    await textCentre(server.url, phone, SESSION_NUMBER, 'Elle est orange');
    const moved = await alice.waitForEvent('interactionUpdated', (e) => e.interactionId === interactionId, mark);
    expect(moved.inactivityDeadline).toBe(moved.at + 600_000);
    expect(moved.inactivityDeadline).toBeGreaterThan(accepted.inactivityDeadline!);
    await alice.ok({ name: 'reply', interactionId, text: 'Débranchez-la dix secondes.' });
    await textCentre(server.url, phone, SESSION_NUMBER, 'Ça remarche, merci');
    await alice.waitForEvent('transcriptAppended', (e) => e.entry.kind === 'message' && e.entry.text === 'Ça remarche, merci', mark);

    // No offer, nothing but transcript, deadline and the reply's delivery changes (no typing indicator exists either way).
    const types = new Set(alice.applied.slice(mark).map((e) => e.event.type));
    types.delete('deliveryChanged');
    expect(types).toEqual(new Set(['transcriptAppended', 'interactionUpdated']));
    expect(alice.state?.offers).toEqual([]);
    expect(transcriptLines(alice, interactionId)).toEqual([
      'Bonjour, ma box clignote',
      '[agent_joined Alice Martin]',
      'Elle est orange',
      'Débranchez-la dix secondes.',
      'Ça remarche, merci',
    ]);
    expect(interactionOf(alice, interactionId)?.inactivityDeadline).toBeGreaterThan(moved.inactivityDeadline!);
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Débranchez-la dix secondes.']);
  });

  it('offers no more than the capacity (3): a fourth customer waits while the sessions go on, and is offered when one is done', async () => {
    const server = await serverWith();
    const alice = await readyAgent(server);
    const sessions: { phone: string; interactionId: string }[] = [];
    for (const n of [1, 2, 3]) sessions.push(await acceptNewCustomer(server.url, alice, `Client ${n}`));
    const fourth = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Client 4');
    // The three customers keep writing: their texts reach Alice, and still no fourth offer.
    for (const { phone } of sessions) await textCentre(server.url, phone, SESSION_NUMBER, `Suite de ${phone}`);
    await alice.socket.waitUntil(
      () => (sessions.every((s) => interactionOf(alice, s.interactionId)?.transcript.length === 3) ? true : undefined),
      'the three follow-ups',
    );
    expect(alice.state?.offers).toEqual([]);
    expect(alice.applied.filter((e) => e.event.type === 'offerMade')).toHaveLength(3);

    await alice.ok({ name: 'markDone', interactionId: sessions[0]!.interactionId });
    await alice.waitForOffer(fourth.interactionId);
  });

  it('ends a silent session at its stored deadline: a system entry, read-only until Mark Done, and the next SMS starts a new session', async () => {
    const server = await serverWith(1);
    const alice = await readyAgent(server);
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'Je reviens vers vous');
    const { inactivityDeadline } = interactionOf(alice, interactionId)!;

    const updated = await alice.waitForEvent('interactionUpdated', (e) => e.ended !== undefined, 0, 5000);
    expect(updated.at).toBeGreaterThanOrEqual(inactivityDeadline!);
    expect(updated).toMatchObject({ interactionId, ended: { reason: 'inactivity' }, inactivityDeadline: null });
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('[session_ended_inactivity 1]');
    const ended = interactionOf(alice, interactionId)!;
    expect(ended.ended?.at).toBe(updated.at);
    expect(ended.inactivityDeadline).toBeUndefined();

    // Read-only: no reply, no transfer; the capacity is free again.
    const refused = await alice.command({ name: 'reply', interactionId, text: 'Trop tard ?' });
    expect(refused).toMatchObject({ type: 'error', code: 'conflict', message: expect.stringContaining('session has ended') as string });
    expect(await receivedBy(server.url, phone)).toEqual([]);

    // Still on the desk after a reconnect (snapshot) until the agent marks it done.
    alice.lastSeq = 0;
    await alice.reconnect();
    expect(interactionOf(alice, interactionId)?.ended).toEqual({ at: updated.at, reason: 'inactivity' });

    const next = await textCentre(server.url, phone, SESSION_NUMBER, 'Me revoilà');
    expect(next.interactionId).not.toBe(interactionId);
    const offer = await alice.waitForOffer(next.interactionId);
    expect(offer.interaction.transcript.map((e) => (e.kind === 'message' ? e.text : e.code))).toEqual(['Me revoilà']);

    const mark = alice.mark();
    await alice.ok({ name: 'markDone', interactionId });
    expect(await alice.waitForEvent('interactionClosed', () => true, mark)).toMatchObject({ interactionId, reason: 'inactivity' });
    expect(interactionOf(alice, interactionId)).toBeUndefined();
    expect(await alice.command({ name: 'markDone', interactionId })).toMatchObject({ type: 'error', code: 'conflict' });
  });

  it('keeps the inactivity deadline across server restarts: neither lost when it passed while stopped nor reset by a quick restart', async () => {
    const dir = tempDataDir();
    cleanups.push(() => dir.remove());
    const seconds = 2;
    const restart = async (server: TestServer, agent: AgentClient) => {
      agent.close();
      await server.close();
    };

    // Stopped past the deadline: the session ends as the server starts again.
    let server = await serverWith(seconds, dir.path);
    let alice = await readyAgent(server);
    const passed = await acceptNewCustomer(server.url, alice, 'Arrêt prolongé');
    const passedDeadline = interactionOf(alice, passed.interactionId)!.inactivityDeadline!;
    await restart(server, alice);
    await new Promise((r) => setTimeout(r, passedDeadline - Date.now() + 200));
    server = await serverWith(seconds, dir.path);
    alice = await readyAgent(server);
    await alice.socket.waitUntil(() => interactionOf(alice, passed.interactionId)?.ended, 'the session to end at start');
    expect(transcriptLines(alice, passed.interactionId).at(-1)).toBe('[session_ended_inactivity 2]');

    // A quick restart: the stored deadline holds; it does not start again from the restart.
    const quick = await acceptNewCustomer(server.url, alice, 'Redémarrage rapide');
    const quickDeadline = interactionOf(alice, quick.interactionId)!.inactivityDeadline!;
    await restart(server, alice);
    const restartedAt = Date.now();
    server = await serverWith(seconds, dir.path);
    alice = await AgentClient.connect(server.url, 'alice');
    cleanups.push(() => alice.close());
    expect(interactionOf(alice, quick.interactionId)?.inactivityDeadline).toBe(quickDeadline);
    const ended = await alice.waitForEvent('interactionUpdated', (e) => e.interactionId === quick.interactionId && e.ended !== undefined);
    expect(ended.at).toBeGreaterThanOrEqual(quickDeadline);
    expect(ended.at).toBeLessThan(restartedAt + seconds * 1000);
  });
});
