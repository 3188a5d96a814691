import { afterEach, describe, expect, it } from 'vitest';
import type { TextoConfig } from '../../server/config';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, addCarol, interactionOf, transcriptLines } from './helpers/desk';
import { demoConfig, PAGE_NUMBER, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { receivedBy, textCentre } from './helpers/simulator';

// Each test gets its own server: transfers depend on every agent's status, presence and load.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk(change: (config: TextoConfig) => void = () => {}, centre = SESSION_NUMBER) {
  const server: TestServer = await startTestServer({ config: demoConfig(change) });
  cleanups.push(() => server.close());
  const connect = async (username: string) => {
    const agent = await AgentClient.connect(server.url, username);
    cleanups.push(() => agent.close());
    return agent;
  };
  const alice = await connect('alice');
  await alice.ok({ name: 'setStatus', status: 'ready' });
  const customer = await acceptNewCustomer(server.url, alice, 'Je voudrais parler à la facturation', centre);
  // Alice takes nothing more while her colleagues are tested.
  await alice.ok({ name: 'setStatus', status: 'not_ready' });
  return { server, alice, connect, ...customer };
}

describe('instant transfer', () => {
  it('to an agent who accepts: the whole transcript moves, the sender is closed out, later SMS reach the new owner', async () => {
    const { server, alice, connect, phone, interactionId } = await desk();
    await alice.ok({ name: 'reply', interactionId, text: 'Je vous transfère.' });
    const bob = await connect('bob');

    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    expect(interactionOf(alice, interactionId)?.transfer).toMatchObject({ state: 'pending', target: { kind: 'agent', agentId: 'bob', name: 'Bob Durand' } });
    const offer = await bob.waitForOffer(interactionId);
    expect(offer.transfer?.from).toEqual({ agentId: 'alice', name: 'Alice Martin' });
    expect(offer.interaction.transcript.filter((e) => e.kind === 'message').map((e) => e.text)).toEqual([
      'Je voudrais parler à la facturation',
      'Je vous transfère.',
    ]);
    // The sender still has it meanwhile; what the customer writes reaches the sender and the offer.
    await textCentre(server.url, phone, SESSION_NUMBER, 'Toujours là ?');
    await bob.socket.waitUntil(() => (bob.state?.offers[0]?.interaction.transcript.length === 4 ? true : undefined), 'the offer to grow');
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('Toujours là ?');

    const aliceMark = alice.mark();
    await bob.ok({ name: 'accept', interactionId });
    expect(await alice.waitForEvent('interactionClosed', () => true, aliceMark)).toMatchObject({ interactionId, reason: 'transferred' });
    expect(alice.state?.interactions).toEqual([]);
    const moved = interactionOf(bob, interactionId)!;
    expect(transcriptLines(bob, interactionId)).toEqual([
      'Je voudrais parler à la facturation',
      '[agent_joined Alice Martin]',
      'Je vous transfère.',
      'Toujours là ?',
      '[agent_transferred Alice Martin → Bob Durand]',
      '[agent_joined Bob Durand]',
    ]);
    expect(moved.transfer).toBeUndefined();
    expect(moved.inactivityDeadline).toBeGreaterThan(moved.acceptedAt!);
    expect(bob.state?.offers).toEqual([]);

    const bobMark = bob.mark();
    const afterMark = alice.mark();
    await textCentre(server.url, phone, SESSION_NUMBER, 'Bonjour Bob');
    await bob.waitForEvent('transcriptAppended', (e) => e.entry.kind === 'message' && e.entry.text === 'Bonjour Bob', bobMark);
    await bob.ok({ name: 'reply', interactionId, text: 'Bonjour, je regarde votre facture.' });
    expect(alice.applied.slice(afterMark)).toEqual([]);

    // After the transfer the old owner can do nothing on it.
    for (const command of [
      { name: 'reply', interactionId, text: 'Encore moi' },
      { name: 'markDone', interactionId },
      { name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } },
      { name: 'startConsultation', interactionId, agentId: 'bob' },
    ] as const) {
      expect(await alice.command(command), command.name).toMatchObject({ type: 'error', code: 'forbidden' });
    }
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Je vous transfère.', 'Bonjour, je regarde votre facture.']);
  });

  it('to an agent who refuses: the sender keeps it and is told who refused', async () => {
    const { alice, connect, interactionId } = await desk();
    const bob = await connect('bob');
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    await bob.waitForOffer(interactionId);
    const mark = alice.mark();
    await bob.ok({ name: 'reject', interactionId });
    const failed = await alice.waitForEvent('interactionUpdated', (e) => e.transfer?.state === 'refused', mark);
    expect(failed.transfer).toMatchObject({ state: 'refused', target: { kind: 'agent', name: 'Bob Durand' } });
    expect(interactionOf(alice, interactionId)?.transfer?.state).toBe('refused');
    expect(bob.state?.offers).toEqual([]);
    expect(bob.state?.interactions).toEqual([]);
    await alice.ok({ name: 'reply', interactionId, text: 'Je reste avec vous.' });
    // A new attempt replaces the failure; Bob choosing Not Ready before answering makes him unavailable.
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    expect(interactionOf(alice, interactionId)?.transfer?.state).toBe('pending');
    await bob.waitForOffer(interactionId);
    await bob.ok({ name: 'setStatus', status: 'not_ready' });
    await alice.waitForEvent('interactionUpdated', (e) => e.transfer?.state === 'unavailable', mark);
  });

  it('to an agent who does not answer in time: the sender keeps it and is told nobody answered', async () => {
    const { alice, connect, interactionId } = await desk((c) => (c.routing.offerTimeoutSeconds = 1));
    const bob = await connect('bob');
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    const offer = await bob.waitForOffer(interactionId);
    expect(offer.expiresAt - offer.offeredAt).toBe(1000);
    const failed = await alice.waitForEvent('interactionUpdated', (e) => e.transfer?.state === 'timeout');
    expect(failed.at).toBeGreaterThanOrEqual(offer.expiresAt);
    await bob.waitForEvent('offerEnded', (e) => e.interactionId === interactionId && e.reason === 'timeout');
    expect(interactionOf(alice, interactionId)).toBeDefined();
  });

  it('to a queue: offered to its Ready agents one after another, never the sender; nobody left is an error', async () => {
    const { alice, connect, interactionId } = await desk(addCarol);
    // Nobody Ready in the queue but the sender: refused at once.
    const refused = await alice.command({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'general' } });
    expect(refused).toMatchObject({ type: 'error', code: 'conflict', message: expect.stringContaining('Nobody in the queue general is Ready') as string });
    await alice.ok({ name: 'setStatus', status: 'ready' });
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'general' } })).toMatchObject({ code: 'conflict' });
    await alice.ok({ name: 'setStatus', status: 'not_ready' });

    const bob = await connect('bob');
    const carol = await connect('carol');
    await bob.ok({ name: 'setStatus', status: 'ready' });
    await carol.ok({ name: 'setStatus', status: 'ready' });
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'general' } });
    expect(interactionOf(alice, interactionId)?.transfer?.target).toEqual({ kind: 'queue', queue: 'general' });
    // Same room: by id, Bob first.
    await bob.waitForOffer(interactionId);
    expect(carol.state?.offers).toEqual([]);
    await bob.ok({ name: 'reject', interactionId });
    await carol.waitForOffer(interactionId);
    expect(interactionOf(alice, interactionId)?.transfer?.state).toBe('pending');
    await carol.ok({ name: 'reject', interactionId });
    const failed = await alice.waitForEvent('interactionUpdated', (e) => e.transfer?.state === 'nobody');
    expect(failed.transfer?.target).toEqual({ kind: 'queue', queue: 'general' });

    // Again: Bob (most room, then by id) is offered first, and accepts this time.
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'general' } });
    await bob.waitForOffer(interactionId);
    await bob.ok({ name: 'accept', interactionId });
    expect(transcriptLines(bob, interactionId).slice(-2)).toEqual(['[agent_transferred Alice Martin → Bob Durand (general)]', '[agent_joined Bob Durand]']);
    expect(alice.state?.interactions).toEqual([]);
  });

  it('is the owner’s alone, to someone online with room, one at a time; Mark Done calls a pending transfer off', async () => {
    const { server, alice, connect, interactionId } = await desk((c) => {
      c.agents[1]!.capacity = 1;
      c.routing.presenceGraceSeconds = 0;
    });
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } })).toMatchObject({
      code: 'conflict',
      message: 'Bob Durand is offline. Choose someone else.',
    });
    const bob = await connect('bob');
    expect(await bob.command({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } })).toMatchObject({
      code: 'forbidden',
      message: 'This interaction is not assigned to you.',
    });
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'alice' } })).toMatchObject({ code: 'bad_request' });
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'nobody' } })).toMatchObject({ code: 'not_found' });
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'nowhere' } })).toMatchObject({ code: 'not_found' });

    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    await bob.waitForOffer(interactionId);
    expect(await alice.command({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } })).toMatchObject({
      code: 'conflict',
      message: 'A transfer of this interaction is already waiting for an answer.',
    });
    const mark = bob.mark();
    await alice.ok({ name: 'markDone', interactionId });
    expect(await bob.waitForEvent('offerEnded', () => true, mark)).toMatchObject({ interactionId, reason: 'withdrawn' });
    expect(await bob.command({ name: 'accept', interactionId })).toMatchObject({ code: 'conflict' });

    // Busy: Bob (capacity 1) has a customer of his own.
    await bob.ok({ name: 'setStatus', status: 'ready' });
    await acceptNewCustomer(server.url, bob, 'Pour Bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const second = await acceptNewCustomer(server.url, alice, 'Un autre client');
    expect(await alice.command({ name: 'transfer', interactionId: second.interactionId, target: { kind: 'agent', agentId: 'bob' } })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Bob Durand is busy') as string,
    });
  });

  it('works in page mode too: the receiver’s reply answers the customer and closes it', async () => {
    const { server, alice, connect, phone, interactionId } = await desk(undefined, PAGE_NUMBER);
    const bob = await connect('bob');
    expect(interactionOf(alice, interactionId)?.inactivityDeadline).toBeUndefined();
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    await bob.waitForOffer(interactionId);
    await bob.ok({ name: 'accept', interactionId });
    expect(interactionOf(bob, interactionId)?.inactivityDeadline).toBeUndefined();
    const mark = bob.mark();
    await bob.ok({ name: 'reply', interactionId, text: 'Voici la réponse.' });
    expect(await bob.waitForEvent('interactionClosed', () => true, mark)).toMatchObject({ interactionId, reason: 'replied' });
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Voici la réponse.']);
  });

  it('a session ending for inactivity while its transfer waits takes the offer back', async () => {
    const { alice, connect, interactionId } = await desk((c) => (c.numbers[1]!.sessionInactivitySeconds = 1));
    const bob = await connect('bob');
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'agent', agentId: 'bob' } });
    await bob.waitForOffer(interactionId);
    expect(await bob.waitForEvent('offerEnded', (e) => e.interactionId === interactionId)).toMatchObject({ reason: 'withdrawn' });
    await alice.socket.waitUntil(() => interactionOf(alice, interactionId)?.ended, 'the session to end');
    expect(interactionOf(alice, interactionId)?.transfer).toBeUndefined();
    expect(await bob.command({ name: 'accept', interactionId })).toMatchObject({ code: 'conflict' });
  });
});
