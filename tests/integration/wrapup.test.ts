import { describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { shown, takeInteraction } from './helpers/contact-desk';
import { demoConfig, PAGE_NUMBER, SESSION_NUMBER, startTestServer } from './helpers/server';
import { freshPhone, postJson, receivedBy } from './helpers/simulator';
import { useDesk } from './helpers/use-desk';

const CLAIMS_NUMBER = '+33937000003';

describe('note, disposition and case data', () => {
  const desk = useDesk();

  it('saves the note as it is typed, keeps the last words sent after the close, and shows it in the history', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const id = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Colis abîmé');
    const mark = alice.mark();
    await alice.ok({ name: 'setNote', interactionId: id, note: 'Colis ab' });
    await alice.ok({ name: 'setNote', interactionId: id, note: 'Colis abîmé, photo demandée' });
    await alice.waitForEvent('interactionDetailsChanged', (e) => e.note === 'Colis abîmé, photo demandée', mark);
    expect(shown(alice, id).note).toBe('Colis abîmé, photo demandée');
    expect(await bob.command({ name: 'setNote', interactionId: id, note: 'pas à moi' })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await alice.command({ name: 'setNote', interactionId: id, note: 'x'.repeat(10_001) })).toMatchObject({
      type: 'error',
      code: 'bad_request',
      message: expect.stringContaining('longer than 10000') as string,
    });

    await alice.ok({ name: 'markDone', interactionId: id });
    // The debounced save of the last keystrokes arrives after Mark Done: it still counts.
    await alice.ok({ name: 'setNote', interactionId: id, note: 'Colis abîmé, photo demandée, renvoi gratuit' });
    const next = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Merci');
    const { history } = await alice.read({ query: 'contactHistory', contactId: shown(alice, next).contact!.id });
    expect(history.interactions.find((i) => i.id === id)?.note).toBe('Colis abîmé, photo demandée, renvoi gratuit');
    await alice.ok({ name: 'markDone', interactionId: next });
  });

  it('refuses Mark Done and a page-mode reply until a disposition is chosen where the queue requires one', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const id = await takeInteraction(server.url, alice, phone, CLAIMS_NUMBER, 'Sinistre dégât des eaux');
    expect(await alice.command({ name: 'markDone', interactionId: id })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'Choose a disposition before marking this interaction done.',
    });
    expect(await alice.command({ name: 'reply', interactionId: id, text: 'Nous ouvrons un dossier.' })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'Choose a disposition before sending: in page mode the reply completes the interaction.',
    });
    expect(await receivedBy(server.url, phone)).toEqual([]);

    expect(await alice.command({ name: 'setDisposition', interactionId: id, code: 'nope' })).toMatchObject({
      type: 'error',
      code: 'bad_request',
      message: expect.stringContaining('choose one of: resolved, follow_up, sale, complaint, claim_opened, wrong_number') as string,
    });
    expect(await bob.command({ name: 'setDisposition', interactionId: id, code: 'resolved' })).toMatchObject({ type: 'error', code: 'forbidden' });
    const mark = alice.mark();
    await alice.ok({ name: 'setDisposition', interactionId: id, code: 'claim_opened' });
    await alice.waitForEvent('interactionDetailsChanged', (e) => e.disposition === 'claim_opened', mark);
    expect(shown(alice, id).disposition).toBe('claim_opened');
    // Cleared again: refused again.
    await alice.ok({ name: 'setDisposition', interactionId: id, code: null });
    expect(await alice.command({ name: 'markDone', interactionId: id })).toMatchObject({ type: 'error', code: 'conflict' });
    await alice.ok({ name: 'setDisposition', interactionId: id, code: 'claim_opened' });
    await alice.ok({ name: 'reply', interactionId: id, text: 'Nous ouvrons un dossier.' });
    expect((await receivedBy(server.url, phone)).map((m) => m.text)).toEqual(['Nous ouvrons un dossier.']);
    expect(alice.state?.interactions.some((i) => i.id === id)).toBe(false);

    // The general queue does not require one, and does not offer the claims-only code.
    const general = await takeInteraction(server.url, alice, freshPhone(), PAGE_NUMBER, 'Simple question');
    expect(await alice.command({ name: 'setDisposition', interactionId: general, code: 'claim_opened' })).toMatchObject({ type: 'error', code: 'bad_request' });
    await alice.ok({ name: 'markDone', interactionId: general });
  });

  it('builds case data from the number and the gateway, and lets agents change only the editable keys', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const posted = await postJson<{ interactionId: string }>(`${server.url}/api/simulator/messages`, {
      from: phone,
      to: CLAIMS_NUMBER,
      text: 'Dossier en cours ?',
      caseData: { campaign: 'relance-octobre', order_number: 'A-1042' },
    });
    expect(posted.status).toBe(202);
    const id = posted.body.interactionId;
    await alice.waitForOffer(id);
    await alice.ok({ name: 'accept', interactionId: id });
    expect(shown(alice, id).caseData).toEqual({ language: 'fr', campaign: 'relance-octobre', segment: 'particulier', order_number: 'A-1042' });

    const mark = alice.mark();
    await alice.ok({ name: 'setCaseData', interactionId: id, key: 'segment', value: 'professionnel' });
    await alice.waitForEvent('interactionDetailsChanged', (e) => e.caseData?.segment === 'professionnel', mark);
    expect(shown(alice, id).caseData?.segment).toBe('professionnel');
    expect(await alice.command({ name: 'setCaseData', interactionId: id, key: 'language', value: 'en' })).toMatchObject({
      type: 'error',
      code: 'forbidden',
      message: 'The case-data field "language" is read-only; editable fields: segment, order_number.',
    });
    expect(await bob.command({ name: 'setCaseData', interactionId: id, key: 'segment', value: 'x' })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await alice.command({ name: 'setCaseData', interactionId: id, key: 'Bad Key', value: 'x' })).toMatchObject({ type: 'error', code: 'bad_request' });

    // A later text's gateway fields join without overwriting what is there.
    await postJson(`${server.url}/api/simulator/messages`, { from: phone, to: CLAIMS_NUMBER, text: 'Allô ?', caseData: { segment: 'gw', language_detected: 'fr' } });
    await alice.waitForEvent('interactionDetailsChanged', (e) => e.caseData?.language_detected === 'fr', mark);
    expect(shown(alice, id).caseData).toMatchObject({ segment: 'professionnel', language_detected: 'fr' });

    // Hostile gateway fields are refused with a reason, and nothing is stored.
    const refused = await postJson<{ error: { message: string } }>(`${server.url}/api/simulator/messages`, {
      from: freshPhone(),
      to: PAGE_NUMBER,
      text: 'x',
      caseData: { '<script>': 'x' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('case-data key');
    await alice.ok({ name: 'setDisposition', interactionId: id, code: 'resolved' });
    await alice.ok({ name: 'markDone', interactionId: id });
  });
});

describe('a disposition required everywhere', () => {
  it('blocks Mark Done in session mode too, while session replies still go out', async () => {
    const server = await startTestServer({ config: demoConfig((c) => (c.dispositions.required = true)) });
    const alice = await AgentClient.connect(server.url, 'alice');
    try {
      await alice.ok({ name: 'setStatus', status: 'ready' });
      const id = await takeInteraction(server.url, alice, freshPhone(), SESSION_NUMBER, 'Bonjour');
      await alice.ok({ name: 'reply', interactionId: id, text: 'Bonjour, je regarde.' });
      expect(await alice.command({ name: 'markDone', interactionId: id })).toMatchObject({ type: 'error', code: 'conflict' });
      await alice.ok({ name: 'setDisposition', interactionId: id, code: 'resolved' });
      await alice.ok({ name: 'markDone', interactionId: id });
      // Every welcome carries the rule, so the panel can explain it before the agent clicks.
      expect((await alice.reconnect()).settings.dispositions).toMatchObject({ required: true, requiredQueues: ['claims'] });
    } finally {
      alice.close();
      await server.close();
    }
  });
});
