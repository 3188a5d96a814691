import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../lib/protocol';
import { fixture } from '../fixtures/media/load';
import { AgentClient } from './helpers/agent';
import { ACCOUNT_SID, AUTH_TOKEN, FakeTwilio } from './helpers/fake-twilio';
import { demoConfig, eventually, startTestServer, type TestServer } from './helpers/server';
import { freshPhone } from './helpers/simulator';
import { startServer } from '../../server/app';

const TWILIO_NUMBER = '+33937000009';
const PUBLIC_URL = 'https://texto.example.com';
const WEBHOOK = `${PUBLIC_URL}/api/gateways/tw/sms`;
let sidCount = 0;
const messageSid = () => `MM${String(++sidCount).padStart(32, 'a')}`;

function twilioConfig(apiBaseUrl: string) {
  return demoConfig((c) => {
    c.gateways = [
      {
        id: 'tw',
        kind: 'twilio',
        accountSid: ACCOUNT_SID,
        authTokenEnv: 'TEXTO_TEST_TWILIO_TOKEN',
        publicUrl: PUBLIC_URL,
        apiBaseUrl,
        requestTimeoutSeconds: 2,
        mediaMaxRedirects: 3,
        retryFirstDelayMs: 50,
      },
    ];
    c.numbers.push({ number: TWILIO_NUMBER, mode: 'session', queue: c.numbers[1]!.queue, region: 'FR', caseData: {}, gateway: 'tw' });
  });
}

const inbound = (from: string, body: string, extra: Record<string, string> = {}) => ({
  AccountSid: ACCOUNT_SID,
  MessageSid: messageSid(),
  From: from,
  To: TWILIO_NUMBER,
  Body: body,
  NumMedia: '0',
  ...extra,
});

const lastReply = (agent: AgentClient, interactionId: string) =>
  agent.state?.interactions
    .find((i) => i.id === interactionId)
    ?.transcript.filter((e): e is MessageEntry => e.kind === 'message' && e.direction === 'out')
    .at(-1);

describe('the Twilio gateway', () => {
  let server: TestServer;
  let fake: FakeTwilio;
  let alice: AgentClient;

  beforeAll(async () => {
    process.env.TEXTO_TEST_TWILIO_TOKEN = AUTH_TOKEN;
    fake = await FakeTwilio.start();
    server = await startTestServer({ config: twilioConfig(fake.url) });
    fake.texto = { publicUrl: PUBLIC_URL, localUrl: server.url };
    alice = await AgentClient.connect(server.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice.close();
    await server.close();
    await fake.close();
  });

  /** A text from a fresh phone through the webhook, accepted by Alice (session mode). */
  async function conversation(text = 'Bonjour') {
    for (const open of alice.state?.interactions ?? []) await alice.command({ name: 'markDone', interactionId: open.id });
    const phone = freshPhone();
    const answer = await fake.post(WEBHOOK, inbound(phone, text));
    expect(answer.status).toBe(200);
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the offer');
    await alice.ok({ name: 'accept', interactionId: offer.interaction.id });
    return { phone, interactionId: offer.interaction.id };
  }

  it('refuses to start when the auth token variable is missing, naming it', async () => {
    await expect(
      startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config: twilioConfig(fake.url), env: {}, log: () => {} }),
    ).rejects.toThrow(/TEXTO_TEST_TWILIO_TOKEN is not set/);
  });

  it('answers a signed webhook with empty TwiML and offers the text; the same MessageSid three times stores one message', async () => {
    const phone = freshPhone();
    const params = inbound(phone, 'Où en est ma commande ?');
    const answers = await Promise.all([fake.post(WEBHOOK, params), fake.post(WEBHOOK, params), fake.post(WEBHOOK, params)]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/text\/xml/);
      expect(await answer.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    }
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the offer');
    await alice.ok({ name: 'accept', interactionId: offer.interaction.id });
    const interaction = alice.state!.interactions.find((i) => i.id === offer.interaction.id)!;
    expect(interaction.transcript.filter((e) => e.kind === 'message').map((e) => (e).text)).toEqual(['Où en est ma commande ?']);
  });

  it('refuses a tampered body or a missing signature with 403 JSON and stores nothing', async () => {
    const phone = freshPhone();
    const tampered = await fake.post(WEBHOOK, inbound(phone, 'Montant : 10 €'), (p) => (p.Body = 'Montant : 1000 €'));
    expect(tampered.status).toBe(403);
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const unsigned = await fetch(`${server.url}/api/gateways/tw/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(inbound(phone, 'x')),
    });
    expect(unsigned.status).toBe(403);
    // Signed over the public URL with its default port written out: accepted, as Twilio's libraries do.
    const withPort = await fake.post(`${PUBLIC_URL}:443/api/gateways/tw/sms`, inbound(phone, 'avec port'));
    expect(withPort.status).toBe(200);
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the offer');
    expect(offer.interaction.transcript.map((e) => (e as MessageEntry).text)).toEqual(['avec port']);
    await alice.ok({ name: 'accept', interactionId: offer.interaction.id });
  });

  it('fetches every picture of an MMS behind Basic auth and a redirect: 3 pictures, 3 thumbnails; a missing one leaves a line', async () => {
    const sid = messageSid();
    const files = ['screenshot.png', 'photo-rotated.jpg', 'sticker.webp'];
    const types = ['image/png', 'image/jpeg', 'image/webp'];
    files.forEach((name, i) => fake.media.set(`ME${i}`, { type: types[i]!, bytes: fixture(name) }));
    const media: Record<string, string> = { NumMedia: '4' };
    for (let i = 0; i < 4; i++) {
      media[`MediaUrl${i}`] = `${fake.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media/ME${i}`;
      media[`MediaContentType${i}`] = types[i] ?? 'image/jpeg';
    }
    const phone = freshPhone();
    const answer = await fake.post(WEBHOOK, { ...inbound(phone, 'Voici les photos'), MessageSid: sid, ...media });
    expect(answer.status).toBe(200);
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the MMS offer');
    await alice.ok({ name: 'accept', interactionId: offer.interaction.id });
    const transcript = alice.state!.interactions.find((i) => i.id === offer.interaction.id)!.transcript;
    const message = transcript.find((e): e is MessageEntry => e.kind === 'message')!;
    expect(message.text).toBe('Voici les photos');
    expect(message.media).toHaveLength(3);
    const links = (await alice.ok({ name: 'mediaLinks', interactionId: offer.interaction.id })).result as { links: Record<string, { thumb: string }> };
    for (const file of message.media!) {
      const thumb = await fetch(`${server.url}${links.links[file.id]!.thumb}`);
      expect(thumb.status).toBe(200);
    }
    const missing = transcript.find((e) => e.kind === 'system' && e.code === 'media_refused');
    expect(missing).toMatchObject({ params: { reason: 'unavailable', number: '4', detail: 'HTTP 404' } });
    await alice.ok({ name: 'markDone', interactionId: offer.interaction.id });
  });

  it('sends a reply through the REST API with a status callback; queued → sent → delivered, and a late "sent" changes nothing', async () => {
    const { phone, interactionId } = await conversation();
    await alice.ok({ name: 'reply', interactionId, text: 'Votre colis arrive demain.' });
    const sent = await eventually(() => fake.messages.find((m) => m.to === phone), 'the REST send');
    expect(sent).toMatchObject({ from: TWILIO_NUMBER, body: 'Votre colis arrive demain.' });
    expect(sent.status_callback).toMatch(/^https:\/\/texto\.example\.com\/api\/gateways\/tw\/status\?outbound=/);
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'queued', 'queued');
    expect((await fake.status(sent, 'sent')).status).toBe(204);
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'sent', 'sent');
    await fake.status(sent, 'delivered');
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'delivered', 'delivered');
    await fake.status(sent, 'sent');
    await fake.status(sent, 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lastReply(alice, interactionId)?.delivery).toEqual({ state: 'delivered' });
  });

  it('keeps "delivered" when it arrives before "sent"', async () => {
    const { phone, interactionId } = await conversation();
    await alice.ok({ name: 'reply', interactionId, text: 'Merci !' });
    const sent = await eventually(() => fake.messages.find((m) => m.to === phone), 'the REST send');
    await fake.status(sent, 'delivered');
    await fake.status(sent, 'sent');
    await fake.status(sent, 'queued');
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'delivered', 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lastReply(alice, interactionId)?.delivery?.state).toBe('delivered');
  });

  it('shows 21610 as opted out, not retried, and the customer is then opted out: Resend and replies are refused', async () => {
    const { phone, interactionId } = await conversation();
    fake.next.push({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    await alice.ok({ name: 'reply', interactionId, text: 'Une offre pour vous' });
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'failed', 'failed');
    expect(lastReply(alice, interactionId)?.delivery).toMatchObject({ state: 'failed', reason: 'opted_out', code: '21610' });
    await eventually(() => alice.state!.interactions.find((i) => i.id === interactionId)?.consent?.optedOut, 'the opt-out');
    const transcript = alice.state!.interactions.find((i) => i.id === interactionId)!.transcript;
    expect(transcript.at(-1)).toMatchObject({ kind: 'system', code: 'consent_opted_out', params: { via: 'carrier', code: '21610' } });
    const entryId = lastReply(alice, interactionId)!.id;
    expect(await alice.command({ name: 'resend', interactionId, entryId })).toMatchObject({ type: 'error', code: 'opted_out' });
    expect(await alice.command({ name: 'reply', interactionId, text: 'Encore' })).toMatchObject({ type: 'error', code: 'opted_out' });
    expect(fake.sendRequests.filter((r) => r.get('To') === phone)).toHaveLength(1);
  });

  it('a final refusal (21612 unreachable) is not retried, and Resend makes a new attempt', async () => {
    const { phone, interactionId } = await conversation();
    fake.next.push({ status: 400, code: 21612, message: 'The To phone number is not currently reachable via SMS' });
    await alice.ok({ name: 'reply', interactionId, text: 'Une offre pour vous' });
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'failed', 'failed');
    expect(lastReply(alice, interactionId)?.delivery).toMatchObject({ state: 'failed', reason: 'unreachable', code: '21612' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sendRequests.filter((r) => r.get('To') === phone)).toHaveLength(1);
    const entryId = lastReply(alice, interactionId)!.id;
    const resent = await alice.ok({ name: 'resend', interactionId, entryId });
    expect(resent.result).toEqual({ attempt: 2 });
    const second = await eventually(() => fake.messages.find((m) => m.to === phone), 'the second send');
    await fake.status(second, 'delivered');
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'delivered', 'delivered after Resend');
    expect(lastReply(alice, interactionId)?.delivery).toEqual({ state: 'delivered', attempt: 2 });
    const transcript = alice.state!.interactions.find((i) => i.id === interactionId)!.transcript;
    expect(transcript.find((e) => e.kind === 'system' && e.code === 'reply_resent')).toMatchObject({ params: { attempt: '2' } });
  });

  it('shows an undelivered status callback with its reason (30006 landline)', async () => {
    const { phone, interactionId } = await conversation();
    await alice.ok({ name: 'reply', interactionId, text: 'Rappel' });
    const sent = await eventually(() => fake.messages.find((m) => m.to === phone), 'the REST send');
    await fake.status(sent, 'undelivered', 30006);
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'undelivered', 'undelivered');
    expect(lastReply(alice, interactionId)?.delivery).toMatchObject({ reason: 'landline', code: '30006' });
  });

  it('retries 429 and 500 with backoff, then sends once; one message at Twilio', async () => {
    const { phone, interactionId } = await conversation();
    fake.next.push({ status: 429, code: 20429, message: 'Too Many Requests' }, { status: 500, message: 'oops' });
    await alice.ok({ name: 'reply', interactionId, text: 'Après deux refus' });
    await eventually(() => fake.messages.find((m) => m.to === phone), 'the send after retries', 10_000);
    expect(fake.sendRequests.filter((r) => r.get('To') === phone)).toHaveLength(3);
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('after a request that hangs (Twilio took it, the answer never came) looks the message up instead of sending it twice', async () => {
    const { phone, interactionId } = await conversation();
    fake.next.push({ hang: true });
    await alice.ok({ name: 'reply', interactionId, text: 'Sans réponse' });
    const taken = await eventually(() => fake.messages.find((m) => m.to === phone), 'the hanging send');
    await eventually(() => server.logs.some((line) => line.includes('already had')), 'the look-up after the timeout', 10_000);
    await fake.status(taken, 'delivered');
    await eventually(() => lastReply(alice, interactionId)?.delivery?.state === 'delivered', 'delivered');
    expect(fake.sendRequests.filter((r) => r.get('To') === phone)).toHaveLength(1);
  });

  it('refuses a status callback whose body was changed after signing with 403', async () => {
    const { phone, interactionId } = await conversation();
    await alice.ok({ name: 'reply', interactionId, text: 'x' });
    const sent = await eventually(() => fake.messages.find((m) => m.to === phone), 'the REST send');
    const forged = await fake.post(sent.status_callback.replace('outbound=', 'outbound=zz'), {
      AccountSid: ACCOUNT_SID,
      MessageSid: sent.sid,
      MessageStatus: 'delivered',
    }, (p) => (p.MessageStatus = 'failed'));
    expect(forged.status).toBe(403);
  });
});
