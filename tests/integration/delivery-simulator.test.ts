import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { demoConfig, eventually, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson, receivedBy, textCentre } from './helpers/simulator';

const lastReply = (agent: AgentClient, interactionId: string) =>
  agent.state?.interactions
    .find((i) => i.id === interactionId)
    ?.transcript.filter((e): e is MessageEntry => e.kind === 'message' && e.direction === 'out')
    .at(-1);

describe('delivery through the simulator, and inbound stored once', () => {
  let server: TestServer;
  let alice: AgentClient;
  beforeAll(async () => {
    server = await startTestServer({ config: demoConfig((c) => (c.simulator.multipart = 'separate')) });
    alice = await AgentClient.connect(server.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice.close();
    await server.close();
  });

  async function conversation(phone = freshPhone()) {
    for (const open of alice.state?.interactions ?? []) await alice.command({ name: 'markDone', interactionId: open.id });
    const { interactionId } = await textCentre(server.url, phone, SESSION_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    return { phone, interactionId };
  }

  it('delivers by default: the reply reads delivered', async () => {
    const { interactionId } = await conversation();
    await alice.ok({ name: 'reply', interactionId, text: 'Bien reçu' });
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'delivered', 'delivered');
  });

  it('a 2-part reply with one part undelivered reads partly delivered (1 of 2)', async () => {
    const phone = freshPhone();
    expect((await postJson(`${server.url}/api/simulator/delivery-rules`, { phone, outcome: 'hold' })).status).toBe(200);
    const { interactionId } = await conversation(phone);
    await alice.ok({ name: 'reply', interactionId, text: 'a'.repeat(200) });
    const parts = await eventually(async () => {
      const got = await receivedBy(server.url, phone);
      return got.length === 2 ? got : undefined;
    }, 'two SMS');
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'sent', 'sent');
    await postJson(`${server.url}/api/simulator/receipts`, { id: parts[0]!.id, state: 'delivered' });
    await postJson(`${server.url}/api/simulator/receipts`, { id: parts[1]!.id, state: 'undelivered', reason: 'unreachable' });
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'partly_delivered', 'partly delivered');
    expect(lastReply(alice, interactionId)?.delivery).toEqual({ state: 'partly_delivered', delivered: 1, parts: 2, reason: 'unreachable' });
  });

  it('a number told to fail gives not delivered with the reason, and a new connection gets it from the snapshot', async () => {
    const phone = freshPhone();
    await postJson(`${server.url}/api/simulator/delivery-rules`, { phone, outcome: 'fail', reason: 'opted_out' });
    const { interactionId } = await conversation(phone);
    await alice.ok({ name: 'reply', interactionId, text: 'Promo' });
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'undelivered', 'undelivered');
    expect(lastReply(alice, interactionId)?.delivery?.reason).toBe('opted_out');
    // A new connection (a reconnect) gets it from the snapshot.
    const again = await AgentClient.connect(server.url, 'alice');
    expect(lastReply(again, interactionId)?.delivery).toMatchObject({ state: 'undelivered', reason: 'opted_out' });
    again.close();
  });

  it('the same providerId three times stores and offers one message, each POST answered alike', async () => {
    const phone = freshPhone();
    const body = { from: phone, to: SESSION_NUMBER, text: 'Une fois', providerId: 'phone-msg-1' };
    const answers = await Promise.all([1, 2, 3].map(() => postJson<{ id: string }>(`${server.url}/api/simulator/messages`, body)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the offer');
    expect(offer.interaction.transcript.filter((e) => e.kind === 'message')).toHaveLength(1);
    await alice.ok({ name: 'reject', interactionId: offer.interaction.id });
  });

  it('accepts a text carrying NUL, other control characters and a lone surrogate: stored and shown safely', async () => {
    const phone = freshPhone();
    const answer = await postJson<{ interactionId: string }>(`${server.url}/api/simulator/messages`, {
      from: phone,
      to: SESSION_NUMBER,
      text: 'Rendez-vous\u0000gare \u0007\u001b[31m \ud800 fin',
    });
    expect(answer.status).toBe(202);
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.id === answer.body.interactionId), 'the offer');
    expect((offer.interaction.transcript[0] as MessageEntry).text).toBe('Rendez-vous\u2400gare \u0007\u001b[31m \ufffd fin');
  });
});
