import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClock } from '../../server/new-sms/sending-hours';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, interactionOf, transcriptLines } from './helpers/desk';
import { demoConfig, eventually, PAGE_NUMBER, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, receivedBy, textCentre } from './helpers/simulator';

const CLAIMS_NUMBER = '+33937000003';
const ALL_WEEK = { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], from: '00:00', to: '24:00', holidays: [] };

describe('New SMS: conversations the agent starts', () => {
  let server: TestServer;
  let alice: AgentClient;
  let bob: AgentClient;
  beforeAll(async () => {
    server = await startTestServer({
      config: demoConfig((c) => {
        for (const number of c.numbers) number.sendingHours = { ...ALL_WEEK };
        // Today is a public holiday on the claims number, whatever the time the test runs.
        c.numbers.find((n) => n.number === CLAIMS_NUMBER)!.sendingHours!.holidays = [wallClock(Date.now(), 'Europe/Paris').date];
        c.agents.find((a) => a.username === 'alice')!.newSmsNumbers = [PAGE_NUMBER, SESSION_NUMBER, CLAIMS_NUMBER];
      }),
    });
    alice = await AgentClient.connect(server.url, 'alice');
    bob = await AgentClient.connect(server.url, 'bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice.close();
    bob.close();
    await server.close();
  });
  const texts = async (phone: string) => (await receivedBy(server.url, phone)).map((m) => m.text);

  it('opens a page-mode interaction with the first text from a typed national number; the answer comes back to it', async () => {
    const phone = freshPhone();
    const national = `0${phone.slice(3, 4)} ${phone.slice(4, 6)} ${phone.slice(6, 8)} ${phone.slice(8, 10)} ${phone.slice(10)}`;
    const started = await alice.ok({ name: 'newSms', centreNumber: PAGE_NUMBER, phone: national, text: 'Bonjour, votre commande est prête.' });
    const { interactionId, joined } = started.result as { interactionId: string; joined: boolean };
    expect(joined).toBe(false);
    expect(interactionOf(alice, interactionId)).toMatchObject({ mode: 'page', customer: { phone }, centreNumber: PAGE_NUMBER });
    await eventually(async () => (await texts(phone)).includes('Bonjour, votre commande est prête.'), 'the text on the phone');
    await textCentre(server.url, phone, PAGE_NUMBER, 'Merci, je passe demain');
    await eventually(() => transcriptLines(alice, interactionId).includes('Merci, je passe demain'), 'the answer in the same interaction');
    expect(transcriptLines(alice, interactionId)).toEqual(['[agent_joined Alice Martin]', 'Bonjour, votre commande est prête.', 'Merci, je passe demain']);
    expect(alice.state?.offers ?? []).toEqual([]);
    // The agent's reply completes the page as usual.
    await alice.ok({ name: 'reply', interactionId, text: 'À demain !' });
    expect(interactionOf(alice, interactionId)).toBeUndefined();
  });

  it('New SMS to a number with an open interaction joins it instead of opening a second', async () => {
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'Bonjour, une question');
    const before = alice.state!.interactions.length;
    const started = await alice.ok({ name: 'newSms', centreNumber: SESSION_NUMBER, phone: phone.replace('+33', '0033'), text: 'Je reviens vers vous' });
    expect(started.result).toMatchObject({ interactionId, joined: true });
    expect(alice.state!.interactions).toHaveLength(before);
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('Je reviens vers vous');
    // Bob may not start conversations at all; nor write into Alice's thread.
    expect(await bob.command({ name: 'newSms', centreNumber: SESSION_NUMBER, phone, text: 'Bonjour' })).toMatchObject({ type: 'error', code: 'forbidden' });
    await alice.ok({ name: 'markDone', interactionId });
  });

  it('is refused outside the sending hours (a listed public holiday), but a customer who wrote first is answered', async () => {
    const phone = freshPhone();
    const refused = await alice.command({ name: 'newSms', centreNumber: CLAIMS_NUMBER, phone, text: 'Votre dossier' });
    expect(refused).toMatchObject({ type: 'error', code: 'conflict' });
    expect(refused.type === 'error' && refused.message).toMatch(/is a public holiday: no conversation may be started today/);
    expect(await texts(phone)).toEqual([]);
    const { interactionId } = await textCentre(server.url, phone, CLAIMS_NUMBER, 'Sinistre : dégât des eaux');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    await alice.ok({ name: 'setDisposition', interactionId, code: 'claim_opened' });
    await alice.ok({ name: 'reply', interactionId, text: 'Nous ouvrons votre dossier.' });
    await eventually(async () => (await texts(phone)).includes('Nous ouvrons votre dossier.'), 'the reply on a holiday');
  });

  it('refuses an invalid number, a number the agent may not use, and a customer who opted out, each saying why', async () => {
    const invalid = await alice.command({ name: 'newSms', centreNumber: SESSION_NUMBER, phone: '06 12', text: 'x' });
    expect(invalid).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(invalid.type === 'error' && invalid.message).toMatch(/"06 12" is not a valid phone number/);
    expect(await alice.command({ name: 'newSms', centreNumber: '+33937009999', phone: '0612345678', text: 'x' })).toMatchObject({ type: 'error', code: 'forbidden' });
    const phone = freshPhone();
    await textCentre(server.url, phone, SESSION_NUMBER, 'STOP');
    await eventually(async () => (await texts(phone)).length === 1, 'the opt-out confirmation');
    expect(await alice.command({ name: 'newSms', centreNumber: SESSION_NUMBER, phone, text: 'Une offre' })).toMatchObject({ type: 'error', code: 'opted_out' });
  });
});
