import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, receivedBy, textCentre } from './helpers/simulator';

describe('a customer text handled end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('offers the text to the Ready agent, who accepts, replies, and the phone receives the reply', async () => {
    const alice = await AgentClient.connect(server.url, 'alice');
    expect(alice.state?.agent).toEqual({ id: 'alice', username: 'alice', name: 'Alice Martin' });
    await alice.ok({ name: 'setStatus', status: 'ready' });
    expect(alice.state?.status).toBe('ready');

    const phone = '+33612345678';
    const { interactionId } = await textCentre(server.url, phone, PAGE_NUMBER, 'Bonjour, ma commande est en retard');
    const offer = await alice.waitForOffer(interactionId);
    expect(offer.interaction.customer).toEqual({ phone, name: 'Camille Lefebvre', contactId: 'camille-lefebvre' });
    expect(offer.interaction.transcript.map((e) => e.kind === 'message' && e.text)).toEqual(['Bonjour, ma commande est en retard']);
    expect(offer.expiresAt - offer.offeredAt).toBe(20_000);

    await alice.ok({ name: 'accept', interactionId });
    expect(alice.state?.offers).toEqual([]);
    expect(alice.state?.interactions.map((i) => i.id)).toEqual([interactionId]);

    const reply = await alice.ok({ name: 'reply', interactionId, text: 'Je regarde tout de suite.' });
    expect(reply.result).toMatchObject({ entryId: expect.any(String) as string });
    // Page mode: the reply closes the interaction.
    expect(alice.state?.interactions).toEqual([]);
    const received = await receivedBy(server.url, phone);
    expect(received.map((m) => ({ from: m.from, to: m.to, text: m.text }))).toEqual([
      { from: PAGE_NUMBER, to: phone, text: 'Je regarde tout de suite.' },
    ]);
    alice.close();
  });

  it('joins three quick texts from one customer into one offer', async () => {
    const bob = await AgentClient.connect(server.url, 'bob');
    await bob.ok({ name: 'setStatus', status: 'ready' });
    const phone = freshPhone();
    const first = await textCentre(server.url, phone, PAGE_NUMBER, 'un');
    const second = await textCentre(server.url, phone, PAGE_NUMBER, 'deux');
    const third = await textCentre(server.url, phone, PAGE_NUMBER, 'trois');
    expect(new Set([first.interactionId, second.interactionId, third.interactionId]).size).toBe(1);
    await bob.socket.waitUntil(
      () => (bob.state?.offers[0]?.interaction.transcript.length === 3 ? true : undefined),
      'the offer to show all three texts',
    );
    expect(bob.state?.offers).toHaveLength(1);
    bob.close();
  });
});
