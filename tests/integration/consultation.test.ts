import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, addCarol, interactionOf, transcriptLines } from './helpers/desk';
import { demoConfig, startTestServer, type TestServer } from './helpers/server';
import { receivedBy, setChannel } from './helpers/simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk() {
  const server: TestServer = await startTestServer({ config: demoConfig(addCarol) });
  cleanups.push(() => server.close());
  const connect = async (username: string) => {
    const agent = await AgentClient.connect(server.url, username);
    cleanups.push(() => agent.close());
    return agent;
  };
  const [alice, bob, carol] = [await connect('alice'), await connect('bob'), await connect('carol')];
  await alice.ok({ name: 'setStatus', status: 'ready' });
  const customer = await acceptNewCustomer(server.url, alice, 'Mon contrat couvre-t-il la casse ?');
  return { server, alice, bob, carol, ...customer };
}

const consultationOf = (agent: AgentClient) => agent.state?.consultations?.[0];

describe('IM consultation', () => {
  it('opens a side conversation both agents see and write in, which the customer never sees; either side ends it', async () => {
    const { server, alice, bob, phone, interactionId } = await desk();
    const { result } = await alice.ok({ name: 'startConsultation', interactionId, agentId: 'bob' });
    const consultationId = (result as { consultationId: string }).consultationId;
    await bob.waitForEvent('consultationStarted');
    for (const agent of [alice, bob]) {
      expect(consultationOf(agent)).toMatchObject({
        id: consultationId,
        interactionId,
        host: { agentId: 'alice', name: 'Alice Martin' },
        guest: { agentId: 'bob', name: 'Bob Durand' },
        messages: [],
      });
    }
    // Bob does not own the interaction: he gets what it is about.
    expect(consultationOf(bob)?.summary).toMatchObject({ mode: 'session', customer: { phone } });
    expect(consultationOf(bob)?.summary.excerpt.map((e) => (e.kind === 'message' ? e.text : e.code))).toEqual(['Mon contrat couvre-t-il la casse ?']);
    expect(bob.state?.interactions).toEqual([]);
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('[consultation_started Alice Martin → Bob Durand]');

    await alice.ok({ name: 'consultMessage', consultationId, text: 'La casse est-elle couverte par la formule Essentiel ?' });
    await bob.waitForEvent('consultationMessage');
    await bob.ok({ name: 'consultMessage', consultationId, text: 'Non, seulement la formule Sérénité.' });
    await alice.socket.waitUntil(() => (consultationOf(alice)?.messages.length === 2 ? true : undefined), 'Bob’s answer');
    for (const agent of [alice, bob]) {
      expect(consultationOf(agent)?.messages.map((m) => [m.author.name, m.text])).toEqual([
        ['Alice Martin', 'La casse est-elle couverte par la formule Essentiel ?'],
        ['Bob Durand', 'Non, seulement la formule Sérénité.'],
      ]);
    }

    // A reconnecting desktop gets the open consultation in its snapshot.
    bob.lastSeq = 0;
    await bob.reconnect();
    expect(consultationOf(bob)?.messages).toHaveLength(2);

    const aliceMark = alice.mark();
    await bob.ok({ name: 'endConsultation', consultationId });
    const ended = await alice.waitForEvent('consultationEnded', () => true, aliceMark);
    expect(ended).toMatchObject({ consultationId, reason: 'ended', endedBy: { agentId: 'bob', name: 'Bob Durand' } });
    expect(alice.state?.consultations).toEqual([]);
    await bob.socket.waitUntil(() => (bob.state?.consultations?.length === 0 ? true : undefined), 'Bob’s side to close');
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('[consultation_ended Bob Durand → Alice Martin]');
    expect(await alice.command({ name: 'consultMessage', consultationId, text: 'Encore une question' })).toMatchObject({ code: 'conflict' });

    // The customer saw none of it.
    expect(await receivedBy(server.url, phone)).toEqual([]);
    expect(interactionOf(alice, interactionId)?.transcript.filter((e) => e.kind === 'message')).toHaveLength(1);
  });

  it('the host can end it too, and it ends with its interaction', async () => {
    const { alice, bob, interactionId } = await desk();
    const first = await alice.ok({ name: 'startConsultation', interactionId, agentId: 'bob' });
    const consultationId = (first.result as { consultationId: string }).consultationId;
    await alice.ok({ name: 'endConsultation', consultationId });
    await bob.waitForEvent('consultationEnded', (e) => e.endedBy?.agentId === 'alice');
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('[consultation_ended Alice Martin → Bob Durand]');

    await alice.ok({ name: 'startConsultation', interactionId, agentId: 'bob' });
    const mark = bob.mark();
    await alice.ok({ name: 'markDone', interactionId });
    expect(await bob.waitForEvent('consultationEnded', () => true, mark)).toMatchObject({ reason: 'interaction_closed' });
    expect(bob.state?.consultations).toEqual([]);
  });

  it('refuses outsiders, the offline, a second one at once, and an IM channel that is down', async () => {
    const { server, alice, bob, carol, interactionId } = await desk();
    expect(await bob.command({ name: 'startConsultation', interactionId, agentId: 'carol' })).toMatchObject({ code: 'forbidden' });
    expect(await alice.command({ name: 'startConsultation', interactionId, agentId: 'alice' })).toMatchObject({ code: 'bad_request' });
    expect(await alice.command({ name: 'startConsultation', interactionId, agentId: 'zoe' })).toMatchObject({ code: 'not_found' });

    const { result } = await alice.ok({ name: 'startConsultation', interactionId, agentId: 'bob' });
    const consultationId = (result as { consultationId: string }).consultationId;
    expect(await alice.command({ name: 'startConsultation', interactionId, agentId: 'carol' })).toMatchObject({
      code: 'conflict',
      message: 'A consultation with Bob Durand is already open on this interaction. End it first.',
    });
    expect(await carol.command({ name: 'consultMessage', consultationId, text: 'Je peux aider ?' })).toMatchObject({ code: 'forbidden' });
    expect(await carol.command({ name: 'endConsultation', consultationId })).toMatchObject({ code: 'forbidden' });
    expect(await alice.command({ name: 'consultMessage', consultationId, text: '   ' })).toMatchObject({ code: 'bad_request' });

    await setChannel(server.url, 'im', false);
    expect(await bob.command({ name: 'consultMessage', consultationId, text: 'Allô ?' })).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('IM channel is down') as string,
    });
    await setChannel(server.url, 'im', true);
    await alice.ok({ name: 'endConsultation', consultationId });
  });
});
