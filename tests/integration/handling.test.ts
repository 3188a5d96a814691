import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { PAGE_NUMBER, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson, receivedBy, setChannel, textCentre } from './helpers/simulator';

let server: TestServer | undefined;
let alice: AgentClient | undefined;
afterEach(async () => {
  alice?.close();
  await server?.close();
  server = alice = undefined;
});

/** Alice, Ready, with an accepted interaction from a fresh customer on `centre`. */
async function acceptedInteraction(centre = PAGE_NUMBER) {
  server = await startTestServer();
  alice = await AgentClient.connect(server.url, 'alice');
  await alice.ok({ name: 'setStatus', status: 'ready' });
  const phone = freshPhone();
  const { interactionId } = await textCentre(server.url, phone, centre, 'Bonjour, une question');
  await alice.waitForOffer(interactionId);
  await alice.ok({ name: 'accept', interactionId });
  return { server, alice, phone, interactionId };
}

describe('handling an interaction', () => {
  it('sends a page-mode reply to the phone and closes the interaction as replied', async () => {
    const { server, alice, phone, interactionId } = await acceptedInteraction(PAGE_NUMBER);
    const mark = alice.mark();
    await alice.ok({ name: 'reply', interactionId, text: 'Bonjour ! <b>Oui</b> & merci.' });
    const appended = await alice.waitForEvent('transcriptAppended', () => true, mark);
    expect(appended.entry).toMatchObject({
      kind: 'message',
      direction: 'out',
      author: { role: 'agent', agentId: 'alice', name: 'Alice Martin' },
      text: 'Bonjour ! <b>Oui</b> & merci.',
    });
    expect(await alice.waitForEvent('interactionClosed', () => true, mark)).toMatchObject({ interactionId, reason: 'replied' });
    expect(alice.state?.interactions).toEqual([]);
    const received = await receivedBy(server.url, phone);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: PAGE_NUMBER, to: phone, text: 'Bonjour ! <b>Oui</b> & merci.' });
  });

  it('keeps a session-mode interaction open after a reply, until Mark Done', async () => {
    const { server, alice, phone, interactionId } = await acceptedInteraction(SESSION_NUMBER);
    await alice.ok({ name: 'reply', interactionId, text: 'Je vous écoute.' });
    expect(alice.state?.interactions.map((i) => i.id)).toEqual([interactionId]);
    await textCentre(server.url, phone, SESSION_NUMBER, 'Ma box ne marche plus');
    await alice.socket.waitUntil(
      // the first text, "Alice Martin joined", the reply, the second text
      () => (alice.state?.interactions[0]?.transcript.length === 4 ? true : undefined),
      'the customer’s second text in the transcript',
    );
    const mark = alice.mark();
    await alice.ok({ name: 'markDone', interactionId });
    expect(await alice.waitForEvent('interactionClosed', () => true, mark)).toMatchObject({ interactionId, reason: 'done' });
    expect(alice.state?.interactions).toEqual([]);
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Je vous écoute.']);
    // A text after Mark Done starts a new interaction.
    const next = await textCentre(server.url, phone, SESSION_NUMBER, 'Encore moi');
    expect(next.interactionId).not.toBe(interactionId);
  });

  it('closes an interaction with Mark Done without sending anything', async () => {
    const { server, alice, phone, interactionId } = await acceptedInteraction(PAGE_NUMBER);
    const mark = alice.mark();
    await alice.ok({ name: 'markDone', interactionId });
    expect(await alice.waitForEvent('interactionClosed', () => true, mark)).toMatchObject({ interactionId, reason: 'done' });
    expect(await receivedBy(server.url, phone)).toEqual([]);
  });

  it('acts once on a command id sent twice: one reply in the transcript, one text on the phone', async () => {
    const { server, alice, phone, interactionId } = await acceptedInteraction(SESSION_NUMBER);
    const mark = alice.mark();
    const first = await alice.command({ name: 'reply', interactionId, text: 'Une seule fois' }, 'reply-1');
    const second = await alice.command({ name: 'reply', interactionId, text: 'Une seule fois' }, 'reply-1');
    expect(first.type).toBe('ok');
    expect(second).toEqual(first);
    // After a reconnect too (the outbox re-sends what got no answer).
    await alice.reconnect();
    expect(await alice.command({ name: 'reply', interactionId, text: 'Une seule fois' }, 'reply-1')).toEqual(first);
    expect(alice.applied.slice(mark).filter((e) => e.event.type === 'transcriptAppended')).toHaveLength(1);
    expect(alice.state?.interactions[0]?.transcript.filter((e) => e.kind === 'message' && e.direction === 'out')).toHaveLength(1);
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Une seule fois']);
  });
});

describe('media channels', () => {
  it('tells agents when SMS goes down, refuses replies and texts meanwhile, and recovers', async () => {
    const { server, alice, phone, interactionId } = await acceptedInteraction(SESSION_NUMBER);
    expect(alice.state?.channels).toEqual([
      { channel: 'sms', available: true },
      { channel: 'mms', available: true },
      { channel: 'im', available: true },
    ]);
    const mark = alice.mark();
    await setChannel(server.url, 'sms', false);
    const down = await alice.waitForEvent('channelsChanged', () => true, mark);
    expect(down.channels.find((c) => c.channel === 'sms')).toEqual({ channel: 'sms', available: false });

    const refused = await alice.command({ name: 'reply', interactionId, text: 'Pendant la panne' });
    expect(refused).toMatchObject({ type: 'error', code: 'unavailable', message: expect.stringContaining('SMS channel is down') as string });
    const inbound = await postJson(`${server.url}/api/simulator/messages`, { from: phone, to: SESSION_NUMBER, text: 'Allô' });
    expect(inbound).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });

    await setChannel(server.url, 'sms', true);
    await alice.socket.waitUntil(() => (alice.state?.channels[0]?.available ? true : undefined), 'SMS back up');
    await alice.ok({ name: 'reply', interactionId, text: 'Après la panne' });
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Après la panne']);
  });
});
