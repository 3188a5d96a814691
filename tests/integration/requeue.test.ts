import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, interactionOf } from './helpers/desk';
import { demoConfig, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    config: demoConfig((c) => {
      c.routing.requeueAbsentAfterSeconds = 2;
      c.routing.presenceGraceSeconds = 1;
    }),
  });
});
afterAll(() => server.close());

const systemLines = (transcript: { kind: string; code?: string; params?: Record<string, string> }[]) =>
  transcript.filter((e) => e.kind === 'system' && e.code === 'returned_to_queue').map((e) => e.params);

async function aliceHoldsOne(text: string) {
  const alice = await AgentClient.connect(server.url, 'alice');
  await alice.ok({ name: 'setStatus', status: 'ready' });
  const { interactionId } = await acceptNewCustomer(server.url, alice, text);
  await alice.ok({ name: 'setStatus', status: 'not_ready' });
  const bob = await AgentClient.connect(server.url, 'bob');
  await bob.ok({ name: 'setStatus', status: 'ready' });
  return { alice, bob, interactionId };
}

describe('work is never stranded on an absent agent', () => {
  it('gives the interactions of an agent who signs out to a colleague at once, with a line in the transcript', async () => {
    const { alice, bob, interactionId } = await aliceHoldsOne('Bonjour, une question');
    const mark = alice.mark();
    const response = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: { Authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(204);
    const offer = await bob.waitForOffer(interactionId);
    expect(systemLines(offer.interaction.transcript)).toEqual([{ name: 'Alice Martin', reason: 'signed_out' }]);
    expect(offer.interaction.transcript.some((e) => e.kind === 'message' && e.text === 'Bonjour, une question')).toBe(true);
    await bob.ok({ name: 'accept', interactionId });
    expect(interactionOf(bob, interactionId)).toBeDefined();
    expect(alice.applied.slice(mark).some((e) => e.event.type === 'interactionClosed' && e.event.reason === 'requeued')).toBe(true);
    bob.close();
  });

  it('gives them away once every connection of the agent has been gone past the absence time, not after a blip', async () => {
    const { alice, bob, interactionId } = await aliceHoldsOne('Toujours là ?');
    // A blip: back well within the absence time, she keeps it.
    alice.socket.drop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await alice.reconnect();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(interactionOf(alice, interactionId)).toBeDefined();
    expect(bob.state?.offers.some((o) => o.interaction.id === interactionId)).toBe(false);

    alice.socket.drop();
    const offer = await bob.waitForOffer(interactionId, 8000);
    expect(systemLines(offer.interaction.transcript)).toEqual([{ name: 'Alice Martin', reason: 'absent' }]);
    await alice.reconnect();
    expect(interactionOf(alice, interactionId)).toBeUndefined();
    alice.close();
    bob.close();
  });
});
