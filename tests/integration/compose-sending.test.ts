import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEntry, StandardResponseLibrary } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { demoConfig, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, receivedBy, textCentre } from './helpers/simulator';

// A GSM-7 reply of 400 characters: 153 + 153 + 94 septets, three SMS.
const LONG_GSM = `Bonjour, votre commande est partie ce matin. ${'Le colis arrivera sous deux jours ouvrés. '.repeat(9)}`.slice(0, 400);
// A UCS-2 reply (an emoji forces Unicode) of 100 UTF-16 units: 67 + 33, two SMS.
const LONG_UCS2 = `Merci 🙏 ${'a'.repeat(100)}`.slice(0, 100);

/**
 * Alice with an accepted session-mode interaction from a fresh phone; the previous test's
 * connection and interaction are closed first (session interactions count against her capacity).
 */
async function interactionOf(server: TestServer, agents: AgentClient[]) {
  for (const agent of agents.splice(0)) {
    for (const open of agent.state?.interactions ?? []) await agent.command({ name: 'markDone', interactionId: open.id });
    agent.close();
  }
  const alice = await AgentClient.connect(server.url, 'alice');
  agents.push(alice);
  await alice.ok({ name: 'setStatus', status: 'ready' });
  const phone = freshPhone();
  const { interactionId } = await textCentre(server.url, phone, SESSION_NUMBER, 'Bonjour');
  await alice.waitForOffer(interactionId);
  await alice.ok({ name: 'accept', interactionId });
  return { alice, phone, interactionId };
}

const lastOutbound = (alice: AgentClient) =>
  alice.state?.interactions.at(-1)?.transcript.filter((e): e is MessageEntry => e.kind === 'message' && e.direction === 'out').at(-1);

describe('sending a long reply through a gateway that concatenates', () => {
  let server: TestServer;
  const agents: AgentClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const agent of agents) agent.close();
    await server.close();
  });

  it('sends one multipart message: three parts sharing a UDH reference, "sent as 3" in the transcript', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    const answer = await alice.ok({ name: 'reply', interactionId, text: LONG_GSM });
    expect(answer.result).toMatchObject({ segments: 3, encoding: 'GSM-7' });

    const received = await receivedBy(server.url, phone);
    expect(received.map((m) => m.text.length)).toEqual([153, 153, 94]);
    expect(received.map((m) => m.text).join('')).toBe(LONG_GSM);
    const reference = received[0]!.concatenation!.reference;
    expect(received.map((m) => m.concatenation)).toEqual(
      [1, 2, 3].map((part) => ({
        reference,
        part,
        parts: 3,
        udh: `050003${reference.toString(16).padStart(2, '0').toUpperCase()}030${part}`,
      })),
    );
    expect(received.every((m) => m.encoding === 'GSM-7' && m.separate === undefined)).toBe(true);
    expect(lastOutbound(alice)).toMatchObject({ text: LONG_GSM, segments: 3 });

    // The count is stored with the message: a desktop that signs in later reads it too.
    const later = await AgentClient.connect(server.url, 'alice');
    agents.push(later);
    expect(lastOutbound(later)).toMatchObject({ text: LONG_GSM, segments: 3 });
  });

  it('gives each multipart reply to a phone its own reference, and UCS-2 parts 67 characters', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    await alice.ok({ name: 'reply', interactionId, text: LONG_GSM });
    const answer = await alice.ok({ name: 'reply', interactionId, text: LONG_UCS2 });
    expect(answer.result).toMatchObject({ segments: 2, encoding: 'UCS-2' });
    const received = await receivedBy(server.url, phone);
    expect(received).toHaveLength(5);
    const unicode = received.slice(3);
    expect(unicode.map((m) => [m.encoding, m.text.length, m.concatenation?.part, m.concatenation?.parts])).toEqual([
      ['UCS-2', 67, 1, 2],
      ['UCS-2', 33, 2, 2],
    ]);
    expect(unicode[0]!.concatenation!.reference).not.toBe(received[0]!.concatenation!.reference);
  });

  it('sends a reply that fits in one SMS as one plain SMS', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    const answer = await alice.ok({ name: 'reply', interactionId, text: 'x'.repeat(160) });
    expect(answer.result).toMatchObject({ segments: 1 });
    const [sms, ...rest] = await receivedBy(server.url, phone);
    expect(rest).toEqual([]);
    expect(sms).toMatchObject({ text: 'x'.repeat(160), encoding: 'GSM-7' });
    expect(sms!.concatenation).toBeUndefined();
    expect(lastOutbound(alice)).toMatchObject({ segments: 1 });
  });

  it('refuses a reply over the configured maximum (10 SMS), sends nothing and keeps the interaction open', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    const eleven = 'a'.repeat(153 * 10 + 1);
    const refused = await alice.command({ name: 'reply', interactionId, text: eleven });
    expect(refused).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(refused.type === 'error' && refused.message).toBe(
      'This reply needs 11 SMS (GSM-7); the limit is 10. Shorten it and send it again.',
    );
    expect(await receivedBy(server.url, phone)).toEqual([]);
    expect(lastOutbound(alice)).toBeUndefined();
    // Exactly ten goes.
    await alice.ok({ name: 'reply', interactionId, text: 'a'.repeat(153 * 10) });
    expect(await receivedBy(server.url, phone)).toHaveLength(10);
  });
});

describe('sending a long reply through a gateway without concatenation', () => {
  let server: TestServer;
  const agents: AgentClient[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      config: demoConfig((c) => {
        c.simulator.multipart = 'separate';
        c.compose.maxMessages = 3;
      }),
    });
  });
  afterAll(async () => {
    for (const agent of agents) agent.close();
    await server.close();
  });

  it('sends the parts as separate SMS, in order, without a concatenation header', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    await alice.ok({ name: 'reply', interactionId, text: LONG_GSM });
    const received = await receivedBy(server.url, phone);
    expect(received.map((m) => m.text).join('')).toBe(LONG_GSM);
    expect(received.map((m) => [m.separate, m.concatenation])).toEqual([
      [{ part: 1, parts: 3 }, undefined],
      [{ part: 2, parts: 3 }, undefined],
      [{ part: 3, parts: 3 }, undefined],
    ]);
    expect(lastOutbound(alice)).toMatchObject({ segments: 3 });
  });

  it('enforces the maximum the configuration sets (3 here)', async () => {
    const { alice, phone, interactionId } = await interactionOf(server, agents);
    const refused = await alice.command({ name: 'reply', interactionId, text: 'é'.repeat(153 * 3 + 1) });
    expect(refused).toMatchObject({ type: 'error', code: 'bad_request', message: expect.stringContaining('the limit is 3') as string });
    expect(await receivedBy(server.url, phone)).toEqual([]);
  });
});

describe('the standard responses library', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('announces its version and the compose settings in the welcome, and serves the library to a signed-in agent', async () => {
    const alice = await AgentClient.connect(server.url, 'alice');
    const welcome = await alice.reconnect();
    alice.close();
    expect(welcome.settings.compose).toEqual({ maxMessages: 10, spellingWarning: false });

    const response = await fetch(`${server.url}/api/responses`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(200);
    const library = (await response.json()) as StandardResponseLibrary;
    expect(library.version).toBe(welcome.settings.standardResponses?.version);
    expect(welcome.settings.standardResponses?.count).toBe(library.responses.length);
    expect(library.responses.find((r) => r.shortcut === '#hours')).toEqual({
      id: '1.1',
      category: 'Opening hours',
      name: 'Opening hours',
      language: 'en',
      shortcut: '#hours',
      text: 'Hello {contact.firstName}, our shop is open Monday to Saturday from 9am to 7pm. {agent.firstName}, customer service',
    });
    expect(new Set(library.responses.map((r) => r.language))).toEqual(new Set(['en', 'fr']));
  });

  it('refuses the library without a valid token', async () => {
    const none = await fetch(`${server.url}/api/responses`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await fetch(`${server.url}/api/responses`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(wrong.status).toBe(401);
  });

  it('changes version when the administrator edits the library', async () => {
    const edited = await startTestServer({
      config: demoConfig((c) => {
        c.standardResponses[0]!.responses[0]!.text = 'Open every day.';
      }),
    });
    try {
      const alice = await AgentClient.connect(edited.url, 'alice');
      const welcome = await alice.reconnect();
      alice.close();
      const original = await AgentClient.connect(server.url, 'bob');
      const originalWelcome = await original.reconnect();
      original.close();
      expect(welcome.settings.standardResponses?.version).not.toBe(originalWelcome.settings.standardResponses?.version);
    } finally {
      await edited.close();
    }
  });
});
