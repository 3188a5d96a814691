import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { translator } from '../support/messages';
import { aria, control, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

// Consent and New SMS as a French agent reads them: the system line, the badge, the reason on the
// disabled box, the audit in the history, the contact search and a refusal.

/** The French text of `key`, with `$1`, `$2`… filled in. */
const m = translator('fr');
const CAMILLE = '+33612345678'; // a demo contact: Camille Lefebvre
const shots = process.env.TMPDIR ?? '/tmp';

describe('consent and New SMS in French', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;
  let panel: Page;
  const transcript = `[role="log"][aria-label="${m('transcript_label')}"]`;

  beforeAll(async () => {
    server = await startTestServer({
      configure: (config) => {
        // Open all week, whatever the hour the test runs at.
        for (const number of config.numbers) number.sendingHours = { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', holidays: [] };
      },
    });
    chrome = await launchChromeWithExtension({ headless: true, lang: 'fr-FR' });
    panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 900 });
    await control(panel, 'textbox', m('signin_server')).fill(server.url);
    await control(panel, 'textbox', m('signin_username')).fill('alice');
    await control(panel, 'textbox', m('signin_password')).fill('texto-demo');
    await control(panel, 'button', m('signin_submit')).click();
    await control(panel, 'button', m('status_ready')).click();
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('ARRÊT in an open conversation: the French system line, "SMS refusés", the reason on the box, the audit in the history', async () => {
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Bonjour, une question' });
    await waitForText(panel, 'article', 'Bonjour, une question');
    await control(panel, 'button', m('offer_accept')).click();
    await waitForText(panel, transcript, 'Bonjour, une question');

    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'ARRÊT' });
    await waitForText(panel, transcript, m('system_consent_opted_out_keyword', 'ARRET'));
    await waitForText(panel, '.sms-refused-badge', m('contact_sms_refused'));
    const box = await panel.waitForSelector(aria('textbox', m('compose_label')));
    const state = await box!.evaluate((field) => ({
      disabled: (field as HTMLTextAreaElement).disabled,
      description: (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    }));
    expect(state).toEqual({ disabled: true, description: m('compose_opted_out') });
    // The confirmation went to the phone once, in the number's language.
    await eventually('the confirmation', async () => ((await sentTo(server.url, customer)).length === 1 ? true : undefined));
    expect((await sentTo(server.url, customer))[0]!.text).toMatch(/STOP|ARRET|SMS/i);
    await panel.screenshot({ path: `${shots}/texto-consent-360-fr.png` });

    // The proof: the contact's history lists the change, with the number and the keyword.
    await control(panel, 'button', m('history_toggle')).click();
    await waitForText(panel, `section[aria-label="${m('history_consent_heading')}"]`, m('history_consent_opted_out_keyword', SESSION_NUMBER, 'ARRET'));
    const audit = await panel.$eval(`section[aria-label="${m('history_consent_heading')}"]`, (e) => e.textContent ?? '');
    expect(audit).toContain(customer);
    await panel.screenshot({ path: `${shots}/texto-consent-history-360-fr.png` });
    await control(panel, 'button', m('compose_mark_done')).click();
    await panel.waitForFunction(() => !document.querySelector('.sms-refused-badge'));
  });

  it('New SMS: a contact found by name, the text on the phone; an opted-out customer refused with a French lead', async () => {
    await control(panel, 'button', m('new_sms_open')).click();
    await control(panel, 'textbox', m('new_sms_to')).fill('Camille');
    const pick = `ul[aria-label="${m('new_sms_contacts')}"] button`;
    await waitForText(panel, pick, `Camille Lefebvre · ${CAMILLE}`);
    await panel.screenshot({ path: `${shots}/texto-new-sms-360-fr.png` });
    await panel.evaluate(
      (selector, label) => [...document.querySelectorAll<HTMLButtonElement>(selector)].find((b) => b.textContent === label)?.click(),
      pick,
      `Camille Lefebvre · ${CAMILLE}`,
    );
    expect(await panel.$eval(aria('textbox', m('new_sms_to')), (e) => (e as HTMLInputElement).value)).toBe(CAMILLE);
    await panel.select(aria('combobox', m('new_sms_from')), SESSION_NUMBER);
    await control(panel, 'textbox', m('new_sms_text')).fill('Bonjour Camille, votre dossier est prêt.');
    await control(panel, 'button', m('new_sms_send')).click();
    await waitForText(panel, transcript, 'Bonjour Camille, votre dossier est prêt.');
    await eventually('the text on Camille’s phone', async () =>
      (await sentTo(server.url, CAMILLE)).some((s) => s.text === 'Bonjour Camille, votre dossier est prêt.') ? true : undefined,
    );
    await control(panel, 'button', m('compose_mark_done')).click();
    await panel.waitForSelector(aria('textbox', m('compose_label')), { hidden: true });

    // Camille answers STOP: a New SMS to her is refused, the reason led by a French sentence.
    await customerTexts(server.url, { from: CAMILLE, to: SESSION_NUMBER, text: 'STOP' });
    await eventually('the confirmation', async () => ((await sentTo(server.url, CAMILLE)).length === 2 ? true : undefined));
    await control(panel, 'button', m('new_sms_open')).click();
    await panel.select(aria('combobox', m('new_sms_from')), SESSION_NUMBER);
    await control(panel, 'textbox', m('new_sms_to')).fill('06 12 34 56 78');
    await control(panel, 'textbox', m('new_sms_text')).fill('Encore un message');
    await control(panel, 'button', m('new_sms_send')).click();
    await waitForText(panel, '.new-sms [role="alert"]', `${m('refusal_opted_out')} — `);
    expect((await sentTo(server.url, CAMILLE)).length).toBe(2);
    await control(panel, 'button', m('new_sms_cancel')).click();
  });
});
