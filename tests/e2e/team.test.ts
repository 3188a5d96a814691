import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDesk, CONSULTATION_LOG, elementShowing, clickIn, openDesk, TARGET_ROW, type Desk } from './support/desks';
import { acceptOffer, aria, control, NOTICES, offerShowing, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

// Two agents, two Chromium instances with the extension, one server: Alice (Ready) takes the
// customers; Bob (Not Ready, so nothing is routed to him) is the colleague she transfers to and consults.
describe('two agents: instant transfer and consultation', () => {
  let server: TestServer;
  let alice: Desk;
  let bob: Desk;
  beforeAll(async () => {
    server = await startTestServer();
    [alice, bob] = await Promise.all([openDesk(server.url, 'alice', { ready: true }), openDesk(server.url, 'bob', { ready: false })]);
  });
  afterAll(async () => {
    await Promise.all([closeDesk(alice), closeDesk(bob)]);
    await server?.close();
  });

  /** A new customer texts the session number and Alice accepts. */
  async function aliceTakesCustomer(text: string): Promise<string> {
    const phone = newCustomerPhone();
    await customerTexts(server.url, { from: phone, to: SESSION_NUMBER, text });
    await acceptOffer(alice.panel, text);
    return phone;
  }

  /** Opens Team Communicator from the toolbar (`Instant SMS Transfer` or `Consult`) and finds Bob's row. */
  async function findBob(tool: 'Instant SMS Transfer' | 'Consult') {
    await alice.panel.locator(`[role="group"][aria-label="Interaction actions"] ${aria('button', tool)}`).setWaitForStableBoundingBox(false).click();
    await control(alice.panel, 'searchbox', 'Search agents and queues').fill('bob');
    return elementShowing(alice.panel, TARGET_ROW, 'Bob Durand');
  }

  it('transfer accepted: the receiver sees the whole transcript, the sender’s window closes, the next SMS reaches the receiver', async () => {
    const question = 'Bonjour, une question de facturation';
    const phone = await aliceTakesCustomer(question);
    await control(alice.panel, 'textbox', 'Message').fill('Je vous passe un collègue.');
    await control(alice.panel, 'button', 'Send').click();
    await waitForText(alice.panel, TRANSCRIPT, 'Je vous passe un collègue.');

    const row = await findBob('Instant SMS Transfer');
    expect(await row.evaluate((e) => e.textContent)).toContain('Not Ready');
    await clickIn(row, 'button', 'Instant SMS Transfer');
    await waitForText(alice.panel, '[role="status"]', 'Waiting for Bob Durand to accept the transfer');

    const offer = await offerShowing(bob.panel, 'Transfer from Alice Martin');
    const preview = await offer.$eval('[role="log"][aria-label="Transcript so far"]', (e) => e.textContent ?? '');
    expect(preview).toContain(question);
    expect(preview).toContain('Je vous passe un collègue.');
    await clickIn(offer, 'button', 'Accept');

    // The sender's window closes; the receiver has everything, and the transcript says what happened.
    await alice.panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
    await waitForText(bob.panel, TRANSCRIPT, 'Alice Martin transferred the conversation to Bob Durand');
    const transcript = await bob.panel.$eval(TRANSCRIPT, (e) => e.textContent ?? '');
    for (const line of [question, 'Je vous passe un collègue.', 'Alice Martin joined the conversation', 'Bob Durand joined the conversation']) {
      expect(transcript).toContain(line);
    }
    // Alice's reply is a colleague's message for Bob: labelled "Agent", not "You".
    const aliceLine = await elementShowing(bob.panel, `${TRANSCRIPT} .entry.message`, 'Je vous passe un collègue.');
    expect(await aliceLine.evaluate((e) => [e.className, e.querySelector('.party-tag')?.textContent])).toEqual(['entry message out party-agent', 'Agent']);

    await customerTexts(server.url, { from: phone, to: SESSION_NUMBER, text: 'Merci Bob' });
    await waitForText(bob.panel, TRANSCRIPT, 'Merci Bob');
    expect(await alice.panel.$(TRANSCRIPT)).toBeNull();
    await control(bob.panel, 'textbox', 'Message').fill('Je regarde votre facture.');
    await control(bob.panel, 'button', 'Send').click();
    await eventually('Bob’s reply on the phone', async () =>
      (await sentTo(server.url, phone)).some((m) => m.text === 'Je regarde votre facture.') ? true : undefined,
    );
    await control(bob.panel, 'button', 'Mark Done').click();
    await bob.panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('transfer refused: the sender sees who refused and keeps the interaction', async () => {
    const phone = await aliceTakesCustomer('Je veux parler à Bob');
    // Keyboard: Escape closes Team Communicator and gives the focus back to the toolbar.
    await findBob('Instant SMS Transfer');
    await alice.panel.keyboard.press('Escape');
    await alice.panel.waitForSelector('section.team', { hidden: true });
    expect(await alice.panel.evaluate(() => document.activeElement?.textContent)).toBe('Instant SMS Transfer');
    await clickIn(await findBob('Instant SMS Transfer'), 'button', 'Instant SMS Transfer');
    const offer = await offerShowing(bob.panel, 'Transfer from Alice Martin');
    await clickIn(offer, 'button', 'Reject');

    await waitForText(alice.panel, '[role="alert"]', 'Bob Durand refused the transfer. You keep the interaction.');
    await control(alice.panel, 'textbox', 'Message').fill('Bob est occupé, je reste avec vous.');
    await control(alice.panel, 'button', 'Send').click();
    await eventually('Alice’s reply on the phone', async () => ((await sentTo(server.url, phone)).length === 1 ? true : undefined));
    await control(alice.panel, 'button', 'Dismiss').click();
    await alice.panel.waitForSelector(aria('button', 'Dismiss'), { hidden: true });
    await control(alice.panel, 'button', 'Mark Done').click();
    await alice.panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('IM consultation both ways: both panels show it, the customer sees none of it, either side ends it', async () => {
    const phone = await aliceTakesCustomer('Ma garantie couvre-t-elle la casse ?');
    const row = await findBob('Consult');
    // Voice (calling Bob's extension) is tested with the dialer, in dialer-targets.test.ts.
    await clickIn(row, 'button', 'IM');

    await waitForText(alice.panel, 'section.consultation h3', 'Consultation with Bob Durand');
    await waitForText(alice.panel, TRANSCRIPT, 'Alice Martin started a consultation with Bob Durand');
    // Bob gets a tab of its own, with what the interaction is about.
    await waitForText(bob.panel, '[role="tab"]', 'IM with Alice Martin');
    await waitForText(bob.panel, '[role="log"][aria-label="Conversation with the customer"]', 'Ma garantie couvre-t-elle la casse ?');

    await control(alice.panel, 'textbox', 'IM message').fill('La casse est-elle couverte par Essentiel ?');
    await control(alice.panel, 'button', 'Send IM').click();
    await waitForText(bob.panel, CONSULTATION_LOG, 'La casse est-elle couverte par Essentiel ?');
    await control(bob.panel, 'textbox', 'IM message').fill('Non, seulement par Sérénité.');
    await control(bob.panel, 'button', 'Send IM').click();
    await waitForText(alice.panel, CONSULTATION_LOG, 'Non, seulement par Sérénité.');

    await control(bob.panel, 'button', 'End consultation').click();
    await waitForText(alice.panel, TRANSCRIPT, 'Bob Durand ended the consultation with Alice Martin');
    await waitForText(alice.panel, NOTICES, 'The consultation with Bob Durand has ended.');
    await alice.panel.waitForSelector('section.consultation', { hidden: true });
    await bob.panel.waitForSelector('[role="tab"]', { hidden: true });

    expect(await sentTo(server.url, phone)).toEqual([]);
    await control(alice.panel, 'button', 'Mark Done').click();
    await alice.panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });
});
