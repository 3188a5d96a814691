import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';

// Each test gets its own server: routing depends on every agent's status and load.
let server: TestServer | undefined;
const clients: AgentClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

async function setUp(config = demoConfig()) {
  server = await startTestServer({ config });
  const alice = await AgentClient.connect(server.url, 'alice');
  const bob = await AgentClient.connect(server.url, 'bob');
  clients.push(alice, bob);
  return { server, alice, bob };
}

describe('routing', () => {
  it('assigns an accepted offer with its whole transcript, and later texts join it', async () => {
    const { server, alice } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const phone = freshPhone();
    const { interactionId } = await textCentre(server.url, phone, PAGE_NUMBER, 'Première question');
    await alice.waitForOffer(interactionId);
    await textCentre(server.url, phone, PAGE_NUMBER, 'Et une deuxième');
    await alice.socket.waitUntil(
      () => (alice.state?.offers[0]?.interaction.transcript.length === 2 ? true : undefined),
      'the offer to grow',
    );

    const mark = alice.mark();
    await alice.ok({ name: 'accept', interactionId });
    const assigned = await alice.waitForEvent('interactionAssigned', () => true, mark);
    expect(assigned.interaction.transcript.map((e) => (e.kind === 'message' ? e.text : e.code))).toEqual([
      'Première question',
      'Et une deuxième',
      'agent_joined',
    ]);
    expect(assigned.interaction.transcript.at(-1)).toMatchObject({ kind: 'system', params: { name: 'Alice Martin' } });
    expect(assigned.interaction.acceptedAt).toBeGreaterThanOrEqual(assigned.interaction.createdAt);

    await textCentre(server.url, phone, PAGE_NUMBER, 'Vous êtes là ?');
    const appended = await alice.waitForEvent('transcriptAppended', () => true, mark);
    expect(appended).toMatchObject({ interactionId, entry: { direction: 'in', text: 'Vous êtes là ?', author: { role: 'customer' } } });
    expect(alice.state?.interactions[0]?.transcript).toHaveLength(4);
  });

  it('offers a rejected interaction to the next Ready agent', async () => {
    const { server, alice, bob } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    await bob.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    const first = await Promise.race([alice.waitForOffer(interactionId).then(() => alice), bob.waitForOffer(interactionId).then(() => bob)]);
    const next = first === alice ? bob : alice;
    expect(next.state?.offers).toEqual([]);

    const mark = first.mark();
    await first.ok({ name: 'reject', interactionId });
    expect(await first.waitForEvent('offerEnded', () => true, mark)).toMatchObject({ interactionId, reason: 'rejected' });
    expect(first.state?.offers).toEqual([]);
    await next.waitForOffer(interactionId);
  });

  it('keeps an interaction waiting while nobody is Ready, and offers it as soon as someone is', async () => {
    const { server, alice, bob } = await setUp();
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Il y a quelqu’un ?');
    // The text was routed before the 202: nobody was Ready, so nobody has it.
    expect(alice.state?.offers).toEqual([]);
    expect(bob.state?.offers).toEqual([]);
    await bob.ok({ name: 'setStatus', status: 'ready' });
    await bob.waitForOffer(interactionId);
    expect(alice.state?.offers).toEqual([]);
  });

  it('takes back the offers of an agent who goes Not Ready and gives them to another', async () => {
    const { server, alice, bob } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await bob.ok({ name: 'setStatus', status: 'ready' });
    expect(bob.state?.offers).toEqual([]);

    const mark = alice.mark();
    await alice.ok({ name: 'setStatus', status: 'not_ready' });
    expect(await alice.waitForEvent('offerEnded', () => true, mark)).toMatchObject({ interactionId, reason: 'withdrawn' });
    await bob.waitForOffer(interactionId);
  });

  it('never offers an agent more than its capacity, and offers the next one when one is done', async () => {
    const { server, alice } = await setUp(demoConfig((c) => (c.agents[0]!.capacity = 1)));
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const first = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'un');
    const second = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'deux');
    await alice.waitForOffer(first.interactionId);
    await alice.ok({ name: 'accept', interactionId: first.interactionId });
    expect(alice.state?.offers).toEqual([]);
    await alice.ok({ name: 'markDone', interactionId: first.interactionId });
    await alice.waitForOffer(second.interactionId);
  });

  it('does not offer an interaction again at once to the agent who rejected it, but after the hold', async () => {
    const { server, alice } = await setUp(demoConfig((c) => (c.routing.reofferAfterSeconds = 1)));
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    const mark = alice.mark();
    await alice.ok({ name: 'reject', interactionId });
    // Events come before the answer: had it been offered again at once, the offer would be here.
    expect(alice.state?.offers).toEqual([]);
    const ended = await alice.waitForEvent('offerEnded', () => true, mark);
    const again = await alice.waitForEvent('offerMade', (e) => e.offer.interaction.id === interactionId, mark);
    expect(again.offer.offeredAt - ended.at).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a disconnected agent’s offer through the grace, then gives it to another', async () => {
    const { server, alice, bob } = await setUp(demoConfig((c) => (c.routing.presenceGraceSeconds = 1)));
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await bob.ok({ name: 'setStatus', status: 'ready' });
    const droppedAt = Date.now();
    alice.socket.drop();
    await alice.socket.waitForClose();
    const offer = await bob.waitForOffer(interactionId, 4000);
    expect(offer.offeredAt).toBeGreaterThanOrEqual(droppedAt + 1000);
    // Back after the grace: the offer was withdrawn while it was away.
    await alice.reconnect();
    expect(alice.state?.offers).toEqual([]);
    expect(alice.applied.at(-1)?.event).toEqual({ type: 'offerEnded', interactionId, reason: 'withdrawn' });
  });

  it('offers waiting work to a Ready agent when it connects', async () => {
    const { server, alice, bob } = await setUp(demoConfig((c) => (c.routing.presenceGraceSeconds = 0)));
    await alice.ok({ name: 'setStatus', status: 'ready' });
    bob.close();
    alice.close();
    await alice.socket.waitForClose();
    // Ready but gone: with no grace, alice is not offered anything.
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    const back = await AgentClient.connect(server.url, 'alice');
    clients.push(back);
    expect(back.state?.status).toBe('ready');
    await back.waitForOffer(interactionId);
  });
});

describe('command refusals', () => {
  it('answers not_found, forbidden and conflict with messages, and bad_request for an empty reply', async () => {
    const { server, alice, bob } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);

    expect(await alice.command({ name: 'accept', interactionId: 'no-such-interaction' })).toMatchObject({
      type: 'error',
      code: 'not_found',
    });
    expect(await bob.command({ name: 'accept', interactionId })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await bob.command({ name: 'reply', interactionId, text: 'hello' })).toMatchObject({ type: 'error', code: 'forbidden' });

    await alice.ok({ name: 'accept', interactionId });
    expect(await alice.command({ name: 'reject', interactionId })).toMatchObject({ type: 'error', code: 'conflict' });
    await alice.ok({ name: 'markDone', interactionId });
    const closed = await alice.command({ name: 'markDone', interactionId });
    expect(closed).toMatchObject({ type: 'error', code: 'conflict', message: 'This interaction is already closed.' });

    const mark = alice.socket.mark();
    alice.socket.send({ type: 'command', id: 'empty-reply', command: { name: 'reply', interactionId, text: '  ' } });
    const refused = await alice.socket.waitForFrame((f) => f.type === 'error' && f.id === 'empty-reply', mark);
    expect(refused).toMatchObject({ code: 'bad_request', message: expect.stringContaining('the reply is empty') as string });
  });

  it('answers conflict to an agent accepting an offer that was withdrawn', async () => {
    const { server, alice } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'setStatus', status: 'not_ready' });
    expect(await alice.command({ name: 'accept', interactionId })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'This offer is no longer open: it was withdrawn.',
    });
  });
});
