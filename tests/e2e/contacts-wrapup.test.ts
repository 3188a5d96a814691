import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { AgentClient } from '../integration/helpers/agent';
import { acceptOffer, aria, CONNECTION, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, PAGE_NUMBER, SESSION_NUMBER } from './support/simulator';

const CLAIMS_NUMBER = '+33937000003';

/** Whether the button named `name` is disabled, and the text its aria-describedby points to. */
async function buttonState(panel: Page, name: string): Promise<{ disabled: boolean; description: string }> {
  const button = await panel.waitForSelector(aria('button', name));
  return button!.evaluate((b) => {
    const ids = (b.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return { disabled: (b as HTMLButtonElement).disabled, description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') };
  });
}

/** Activates a button from the keyboard, as an agent without a mouse does. */
async function pressButton(panel: Page, name: string): Promise<void> {
  const button = await panel.waitForSelector(aria('button', name));
  await button!.focus();
  await panel.keyboard.press('Enter');
}

/** The history database's stored contacts, read in the panel's own origin. */
function cachedContacts(panel: Page): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('texto-history');
        open.onerror = () => reject(new Error('cannot open texto-history'));
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('histories').objectStore('histories').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );
}

describe('contacts, history and wrap-up in the Chromium side panel', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;
  let panel: Page | undefined;
  beforeAll(async () => {
    // On disk: one test stops the server and starts it again.
    server = await startTestServer({ persistent: true });
    chrome = await launchChromeWithExtension({ headless: true });
  });
  afterEach(async () => {
    // Signed out on the server so that the next test's offers go to its own agent.
    if (panel && !panel.isClosed() && (await panel.$(aria('button', 'Sign out')))) {
      await control(panel, 'button', 'Sign out').click();
      await panel.waitForSelector(aria('button', 'Sign in'));
    }
    await panel?.close();
    panel = undefined;
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('a mandatory disposition keeps Mark Done and Send disabled, saying why, until one is chosen', async () => {
    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: CLAIMS_NUMBER, text: 'Sinistre : dégât des eaux' });
    await acceptOffer(panel, 'Sinistre : dégât des eaux');

    const reason = 'Choose a disposition first: it is required to complete this interaction.';
    expect(await buttonState(panel, 'Mark Done')).toEqual({ disabled: true, description: reason });
    await control(panel, 'textbox', 'Message').fill('Nous ouvrons un dossier.');
    expect(await buttonState(panel, 'Send')).toEqual({ disabled: true, description: reason });
    await waitForText(panel, '.blocked-reason', reason);

    await panel.locator(aria('combobox', 'Disposition (required)')).setWaitForStableBoundingBox(false).fill('claim_opened');
    await panel.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.compose .actions button:not([type="submit"])')?.disabled);
    expect(await buttonState(panel, 'Mark Done')).toEqual({ disabled: false, description: '' });
    expect((await buttonState(panel, 'Send')).disabled).toBe(false);
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('a note typed just before the panel closes is kept, shown again and saved', async () => {
    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url, 'bob');
    const customer = newCustomerPhone();
    const { interactionId } = await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Mon colis est arrivé abîmé' });
    await acceptOffer(panel, 'Mon colis est arrivé abîmé');
    const note = 'Colis abîmé : photo demandée, renvoi gratuit';
    await control(panel, 'textbox', 'Note').fill(note);
    await waitForText(panel, '.note .hint', 'Kept on this computer');
    // Closed before the typing pause that saves the note: only the local draft has it.
    await panel.close();

    const bob = await AgentClient.connect(server.url, 'bob');
    try {
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(bob.state?.interactions.find((i) => i.id === interactionId)?.note).toBe('');

      panel = await chrome.openSidePanel();
      await panel.waitForSelector(aria('textbox', 'Note'));
      await panel.waitForFunction((text) => document.querySelector<HTMLTextAreaElement>('.note textarea')?.value === text, {}, note);
      await eventually('the server to hold the note', () =>
        Promise.resolve(bob.state?.interactions.find((i) => i.id === interactionId)?.note === note ? true : undefined),
      );
      await waitForText(panel, '.note .hint', 'Note saved.');
    } finally {
      bob.close();
    }
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('the history opens from the cache while the server is down, and the cache is cleared at sign-out', async () => {
    const customer = newCustomerPhone();
    // Two past interactions with this customer, handled by Alice from another desktop.
    const desk = await AgentClient.connect(server.url, 'alice');
    await desk.ok({ name: 'setStatus', status: 'ready' });
    for (const [text, note] of [
      ['Facture de janvier erronée', 'Avoir émis en janvier'],
      ['Question sur la livraison', 'Livraison replanifiée'],
    ] as const) {
      const { interactionId } = await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text });
      await desk.waitForOffer(interactionId);
      await desk.ok({ name: 'accept', interactionId });
      await desk.ok({ name: 'setNote', interactionId, note });
      await desk.ok({ name: 'markDone', interactionId });
    }
    desk.close();

    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Toujours pas de remboursement' });
    await acceptOffer(panel, 'Toujours pas de remboursement');
    await waitForText(panel, '.contact-bar', '1 in progress · 3 in the last 30 days');

    // Call from the contact menu: recorded, and handed by the background to the browser in the
    // agent's tab (the tel: URL is asked for there, then given to the system's handler).
    const [tab] = (await chrome.browser.pages()).filter((page) => !page.url().startsWith('chrome-extension://'));
    const asked: string[] = [];
    tab!.on('request', (request) => asked.push(request.url()));
    await control(panel, 'button', `Actions for ${customer}`).click();
    await control(panel, 'menuitem', `Call ${customer}`).click();
    await eventually('the tel: URL handed to the browser', () => Promise.resolve(asked.includes(`tel:${customer}`) || undefined));
    await control(panel, 'button', 'History').click();
    await waitForText(panel, '.history-list', 'Avoir émis en janvier');
    await waitForText(panel, '.history-activities', `Call to ${customer} by Alice Martin`);
    await control(panel, 'button', 'History').click();

    await server.stop();
    await waitForText(panel, CONNECTION, 'Reconnecting');
    // A fresh panel: nothing in memory, only what IndexedDB kept.
    await panel.reload();
    // The counts come from the saved copy too (and the layout settles before the click).
    await waitForText(panel, '.contact-bar', '1 in progress · 3 in the last 30 days');
    await pressButton(panel, 'History');
    await waitForText(panel, '.history-list', 'Livraison replanifiée');
    await waitForText(panel, '.history-list', 'Avoir émis en janvier');
    await waitForText(panel, '.history-status-line', 'Offline: saved copy from');
    await waitForText(panel, '.history-activities', `Call to ${customer}`);
    // Offline search looks through the saved notes.
    await control(panel, 'searchbox', 'Search the history').fill('replanifiée');
    await control(panel, 'button', 'Search').click();
    await waitForText(panel, '.history-status-line', 'searched the saved notes');
    expect(await panel.$$eval('.history-item', (items) => items.map((i) => i.querySelector('.history-note')?.textContent))).toEqual([
      'Note: Livraison replanifiée',
    ]);

    await server.restart();
    await waitForText(panel, CONNECTION, 'Connected', 40_000);
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
    expect(await cachedContacts(panel)).toBeGreaterThan(0);
    await control(panel, 'button', 'Sign out').click();
    await panel.waitForSelector(aria('button', 'Sign in'));
    await eventually('the history cache to be empty', async () => ((await cachedContacts(panel!)) === 0 ? true : undefined));
  });

  it('merges two interactions of an unknown contact, assigns it to a known contact, and schedules then cancels a callback', async () => {
    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Premier SMS (page)' });
    await acceptOffer(panel, 'Premier SMS (page)');
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Deuxième SMS (session)' });
    await acceptOffer(panel, 'Deuxième SMS (session)');
    await waitForText(panel, '.contact-bar', '2 in progress');

    // The session (accepted last) is the tab shown; the page SMS merges into it.
    await control(panel, 'button', `Actions for ${customer}`).click();
    await control(panel, 'menuitem', 'Merge with…').click();
    await control(panel, 'button', `Merge the SMS page from ${customer}`).click();
    await panel.waitForFunction(() => document.querySelectorAll('[role="tab"]').length === 1);
    await waitForText(panel, TRANSCRIPT, 'Premier SMS (page)');
    await waitForText(panel, TRANSCRIPT, `Merged with the interaction from ${customer}`);
    await waitForText(panel, `${TRANSCRIPT} .merged-source`, 'merged');

    await control(panel, 'button', `Actions for ${customer}`).click();
    await control(panel, 'menuitem', 'Assign to a known contact').click();
    await control(panel, 'searchbox', 'Find a contact by name, number or email').fill('hugo');
    await waitForText(panel, '.assign-contact .hint', '1 contact found');
    await control(panel, 'button', 'Assign to Hugo Moreau').click();
    await waitForText(panel, 'section.interaction h2', 'Hugo Moreau');
    await waitForText(panel, TRANSCRIPT, 'Assigned to the contact Hugo Moreau');

    await control(panel, 'button', 'Actions for Hugo Moreau').click();
    await control(panel, 'menuitem', 'Schedule callback').click();
    await waitForText(panel, '.schedule-callback', 'Time zone:');
    expect(await panel.$eval('.schedule-callback input[type="tel"]', (i) => (i).value)).toBe('+33698765432');
    await control(panel, 'textbox', 'Callback note').fill('Confirmer la livraison');
    await control(panel, 'button', 'Schedule').click();
    await waitForText(panel, '.callbacks summary', 'Scheduled callbacks (1)');
    await panel.$eval('.callbacks summary', (s) => (s).click());
    await waitForText(panel, '.callbacks', 'Confirmer la livraison');
    await control(panel, 'button', 'Cancel callback').click();
    await panel.waitForSelector('.callbacks', { hidden: true });

    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });
  it('an agent allowed to edit names an unknown contact and fills an editable case-data key; one who may not gets neither Edit nor Assign', async () => {
    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url, 'alice');
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Qui suis-je ?' });
    await acceptOffer(panel, 'Qui suis-je ?');

    await control(panel, 'button', `Actions for ${customer}`).click();
    await control(panel, 'menuitem', 'Edit contact').click();
    await panel.waitForSelector(aria('form', 'Edit the contact'));
    await control(panel, 'textbox', 'Name').fill('Zoé Garnier');
    await control(panel, 'textbox', 'Email addresses').fill('zoe.garnier@example.com');
    await control(panel, 'button', 'Save contact').click();
    await panel.waitForSelector(aria('form', 'Edit the contact'), { hidden: true });
    await waitForText(panel, 'section.interaction h2', 'Zoé Garnier');
    await control(panel, 'button', 'Actions for Zoé Garnier').click();
    expect(await panel.$(aria('menuitem', 'Email zoe.garnier@example.com'))).not.toBeNull();
    await panel.keyboard.press('Escape');

    // Case data: the number's own values read-only, the configured keys editable.
    await panel.$eval('details.section summary', (summary) => summary.click());
    await waitForText(panel, '.case-data', 'printemps');
    expect(await panel.$(aria('textbox', 'Campaign'))).toBeNull();
    await control(panel, 'textbox', 'Order number').fill('CMD-4521');
    await panel.keyboard.press('Enter');
    await eventually('the order number to be stored', async () => {
      const [row] = await server.db().query<{ case_data: Record<string, string> }>(
        "SELECT case_data FROM interactions WHERE customer_phone = $1 ORDER BY created_at DESC LIMIT 1",
        [customer],
      );
      return row?.case_data.order_number === 'CMD-4521' ? true : undefined;
    });
    await control(panel, 'button', 'Mark Done').click();
    await control(panel, 'button', 'Sign out').click();
    await panel.waitForSelector(aria('button', 'Sign in'));

    await signInAndGoReady(panel, server.url, 'bob');
    const other = newCustomerPhone();
    await customerTexts(server.url, { from: other, to: PAGE_NUMBER, text: 'Et moi ?' });
    await acceptOffer(panel, 'Et moi ?');
    await control(panel, 'button', `Actions for ${other}`).click();
    const items = await panel.$$eval('[role="menu"] [role="menuitem"]', (nodes) => nodes.map((n) => n.textContent));
    expect(items).not.toContain('Edit contact');
    expect(items).not.toContain('Assign to a known contact');
    expect(items).toContain('Schedule callback');
    await panel.keyboard.press('Escape');
    await control(panel, 'button', 'Mark Done').click();
  });
});
