import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { eventually, PAGE_NUMBER, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson, receivedBy, textCentre } from './helpers/simulator';

/**
 * A page-mode interaction closes on its reply, so a carrier's refusal arrives once it has left the
 * desk: the agent who had it gets an alert with Resend and Dismiss (docs/gateways.md).
 */
describe('replies that fail after their interaction left the desk', () => {
  let server: TestServer;
  let alice: AgentClient;
  let bob: AgentClient;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await AgentClient.connect(server.url, 'alice');
    bob = await AgentClient.connect(server.url, 'bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice.close();
    bob.close();
    await server.close();
  });

  const rule = (phone: string, outcome: 'deliver' | 'fail', reason?: string) =>
    postJson(`${server.url}/api/simulator/delivery-rules`, { phone, outcome, ...(reason ? { reason } : {}) });
  const alertOf = (agent: AgentClient, phone: string) => agent.state?.undeliveredReplies?.find((r) => r.customer.phone === phone);

  async function pageReply(phone: string, text: string) {
    const { interactionId } = await textCentre(server.url, phone, PAGE_NUMBER, 'Mon colis ?');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    await alice.ok({ name: 'reply', interactionId, text });
    await eventually(() => !alice.state?.interactions.some((i) => i.id === interactionId), 'the page-mode interaction closed');
    return interactionId;
  }

  it('a refused page-mode reply alerts its agent with the reason, survives a reconnect, and Resend delivers it once', async () => {
    const phone = freshPhone();
    expect((await rule(phone, 'fail', 'unreachable')).status).toBe(200);
    const interactionId = await pageReply(phone, 'Votre colis arrive demain.');

    const alert = await eventually(() => alertOf(alice, phone), 'the undelivered alert');
    expect(alert).toMatchObject({ interactionId, centreNumber: PAGE_NUMBER, text: 'Votre colis arrive demain.' });
    expect(alert.delivery).toMatchObject({ state: 'undelivered', reason: 'unreachable' });
    expect(bob.state?.undeliveredReplies ?? []).toEqual([]);

    const again = await AgentClient.connect(server.url, 'alice');
    expect(alertOf(again, phone)).toEqual(alert);
    again.close();

    // Only the agent who had it can send it again.
    expect(await bob.command({ name: 'resend', interactionId, entryId: alert.entryId })).toMatchObject({ type: 'error', code: 'not_found' });

    await rule(phone, 'deliver');
    expect((await alice.ok({ name: 'resend', interactionId, entryId: alert.entryId })).result).toEqual({ attempt: 2 });
    await eventually(() => !alertOf(alice, phone), 'the alert ended once delivered');
    const received = await receivedBy(server.url, phone);
    expect(received.map((m) => m.text)).toEqual(['Votre colis arrive demain.', 'Votre colis arrive demain.']);

    // The contact's history keeps the reply with its final state and who resent it.
    const { transcript } = await alice.read({ query: 'historyTranscript', interactionId });
    const reply = transcript.find((e): e is MessageEntry => e.kind === 'message' && e.direction === 'out');
    expect(reply?.delivery).toMatchObject({ state: 'delivered', attempt: 2 });
    expect(transcript.some((e) => e.kind === 'system' && e.code === 'reply_resent')).toBe(true);
    const fresh = await AgentClient.connect(server.url, 'alice');
    expect(alertOf(fresh, phone)).toBeUndefined();
    fresh.close();
  });

  it('Dismiss puts the alert away for good: no Resend after it, not back on reconnect', async () => {
    const phone = freshPhone();
    await rule(phone, 'fail', 'landline');
    const interactionId = await pageReply(phone, 'Rappelez-nous.');
    const alert = await eventually(() => alertOf(alice, phone), 'the undelivered alert');
    expect(alert.delivery.reason).toBe('landline');
    await alice.ok({ name: 'dismissUndeliveredReply', interactionId, entryId: alert.entryId });
    await eventually(() => !alertOf(alice, phone), 'the alert dismissed');
    expect(await alice.command({ name: 'resend', interactionId, entryId: alert.entryId })).toMatchObject({ type: 'error', code: 'not_found' });
    expect(await alice.command({ name: 'dismissUndeliveredReply', interactionId, entryId: alert.entryId })).toMatchObject({
      type: 'error',
      code: 'not_found',
    });
    const again = await AgentClient.connect(server.url, 'alice');
    expect(alertOf(again, phone)).toBeUndefined();
    again.close();
  });

  it('a session reply that fails while the session is open shows in its transcript, not as a desk alert', async () => {
    const phone = freshPhone();
    await rule(phone, 'fail', 'spam');
    const { interactionId } = await textCentre(server.url, phone, SESSION_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    await alice.ok({ name: 'reply', interactionId, text: 'Offre' });
    await eventually(
      () =>
        alice.state?.interactions
          .find((i) => i.id === interactionId)
          ?.transcript.some((e) => e.kind === 'message' && e.direction === 'out' && e.delivery?.state === 'undelivered'),
      'the failure in the transcript',
    );
    expect(alertOf(alice, phone)).toBeUndefined();
    await alice.ok({ name: 'markDone', interactionId });
  });
});
