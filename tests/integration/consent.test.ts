import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, interactionOf, transcriptLines } from './helpers/desk';
import { eventually, PAGE_NUMBER, SESSION_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson, receivedBy, textCentre } from './helpers/simulator';

const FR_OPT_OUT = 'Vous ne recevrez plus nos SMS. Envoyez START pour les recevoir de nouveau.';
const FR_OPT_IN = 'Vous recevrez de nouveau nos SMS. Envoyez STOP pour ne plus les recevoir.';

describe('consent: STOP, START, HELP and what looks like STOP', () => {
  let server: TestServer;
  let alice: AgentClient;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await AgentClient.connect(server.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice.close();
    await server.close();
  });
  const clearDesk = async () => {
    for (const open of alice.state?.interactions ?? []) await alice.command({ name: 'markDone', interactionId: open.id });
  };
  const texts = async (phone: string) => (await receivedBy(server.url, phone)).map((m) => m.text);

  it('ARRET: confirmed once to the phone, a reply is refused with opted_out, START allows texts again', async () => {
    await clearDesk();
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'Bonjour');
    await textCentre(server.url, phone, SESSION_NUMBER, 'ARRÊT');
    await eventually(() => interactionOf(alice, interactionId)?.consent?.optedOut, 'the opt-out on the desk');
    expect(transcriptLines(alice, interactionId)).toEqual(['Bonjour', '[agent_joined Alice Martin]', 'ARRÊT', '[consent_opted_out keyword → ARRET]', FR_OPT_OUT]);
    await eventually(async () => (await texts(phone)).includes(FR_OPT_OUT), 'the confirmation on the phone');

    const refused = await alice.command({ name: 'reply', interactionId, text: 'Une dernière chose' });
    expect(refused).toMatchObject({ type: 'error', code: 'opted_out' });
    expect(refused.type === 'error' && refused.message).toMatch(/refused texts.*START/);

    // A second STOP changes nothing and is not confirmed again.
    await textCentre(server.url, phone, SESSION_NUMBER, 'stop');
    await eventually(() => transcriptLines(alice, interactionId).at(-1) === 'stop', 'the second STOP in the transcript');

    await textCentre(server.url, phone, SESSION_NUMBER, 'Start');
    await eventually(() => interactionOf(alice, interactionId)?.consent?.optedOut === false, 'texts allowed again');
    await alice.ok({ name: 'reply', interactionId, text: 'Merci, bonne journée' });
    await eventually(async () => (await texts(phone)).includes('Merci, bonne journée'), 'the reply on the phone');
    expect(await texts(phone)).toEqual([FR_OPT_OUT, FR_OPT_IN, 'Merci, bonne journée']);
    expect(transcriptLines(alice, interactionId)).toContain('[consent_opted_in keyword → START]');
  });

  it('a lone STOP from a customer without a conversation is answered by Texto, offered to nobody, and kept in the history', async () => {
    await clearDesk();
    const phone = '+33612345678'; // Camille Lefebvre, a known contact
    const { interactionId } = await textCentre(server.url, phone, PAGE_NUMBER, 'STOP');
    await eventually(async () => (await texts(phone)).length === 1, 'the confirmation');
    expect(alice.state?.offers.some((o) => o.interaction.id === interactionId)).toBe(false);
    // Per number (the default scope): the session number may still text Camille.
    const session = await acceptNewCustomerFrom(phone, SESSION_NUMBER);
    expect(interactionOf(alice, session)?.consent?.optedOut).toBeFalsy();
    await alice.ok({ name: 'reply', interactionId: session, text: 'Bonjour Camille' });
    const history = await alice.read({ query: 'contactHistory', contactId: 'camille-lefebvre' });
    expect(history.history.interactions.find((i) => i.id === interactionId)).toMatchObject({ open: false, preview: 'STOP' });
    expect(history.history.consentChanges).toEqual([
      expect.objectContaining({ optedOut: true, via: 'keyword', keyword: 'STOP', phone, scope: PAGE_NUMBER, centreNumber: PAGE_NUMBER }),
    ]);
  });

  async function acceptNewCustomerFrom(phone: string, centre: string) {
    const { interactionId } = await textCentre(server.url, phone, centre, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    return interactionId;
  }

  it('HELP gets the help text and still reaches an agent', async () => {
    await clearDesk();
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'AIDE');
    await eventually(async () => (await texts(phone)).length === 1, 'the help text');
    expect((await texts(phone))[0]).toMatch(/^Service client/);
    await eventually(() => transcriptLines(alice, interactionId).includes('[consent_help_sent AIDE]'), 'the help line');
    expect(interactionOf(alice, interactionId)?.consent).toBeUndefined();
  });

  it('"Stop. Merci" only asks the agent; one click records the opt-out, with the agent in the audit', async () => {
    await clearDesk();
    const { phone, interactionId } = await acceptNewCustomer(server.url, alice, 'Bonjour');
    await textCentre(server.url, phone, SESSION_NUMBER, 'Stop. Merci');
    const consent = await eventually(() => interactionOf(alice, interactionId)?.consent, 'the suspected opt-out');
    const message = interactionOf(alice, interactionId)!.transcript.at(-1)!;
    expect(consent).toEqual({ optedOut: false, suspectedEntryId: message.id });
    expect(await texts(phone)).toEqual([]);
    await alice.ok({ name: 'reply', interactionId, text: 'Voulez-vous ne plus recevoir de SMS ?' });

    await alice.ok({ name: 'recordOptOut', interactionId });
    expect(interactionOf(alice, interactionId)?.consent).toEqual({ optedOut: true });
    expect(transcriptLines(alice, interactionId).at(-1)).toBe('[consent_opted_out agent → Alice Martin]');
    expect(await alice.command({ name: 'recordOptOut', interactionId })).toMatchObject({ type: 'error', code: 'conflict' });
    expect(await alice.command({ name: 'reply', interactionId, text: 'Encore ?' })).toMatchObject({ type: 'error', code: 'opted_out' });
  });

  it('a carrier refusing because the customer opted out sets the same state', async () => {
    await clearDesk();
    const phone = freshPhone();
    await postJson(`${server.url}/api/simulator/delivery-rules`, { phone, outcome: 'fail', reason: 'opted_out' });
    const { interactionId } = await acceptNewCustomerFrom(phone, SESSION_NUMBER).then((id) => ({ interactionId: id }));
    await alice.ok({ name: 'reply', interactionId, text: 'Notre offre' });
    await eventually(() => interactionOf(alice, interactionId)?.consent?.optedOut, 'the carrier opt-out');
    expect(transcriptLines(alice, interactionId).at(-1)).toMatch(/^\[consent_opted_out carrier/);
    expect(await alice.command({ name: 'reply', interactionId, text: 'Encore' })).toMatchObject({ type: 'error', code: 'opted_out' });
  });
});
