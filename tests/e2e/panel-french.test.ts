import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { translator } from '../support/messages';
import { aria, control, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, newCustomerPhone, PAGE_NUMBER } from './support/simulator';

// The side panel in a French browser: the words an agent reads, with French typography.

const m = translator('fr');

describe('the side panel in French', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;

  beforeAll(async () => {
    server = await startTestServer();
    chrome = await launchChromeWithExtension({ headless: true, lang: 'fr-FR' });
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('reads "SMS en mode page", "Système :" and "Adresses e-mail : Aucune"', async () => {
    const panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 900 });
    await control(panel, 'textbox', m('signin_server')).fill(server.url);
    await control(panel, 'textbox', m('signin_username')).fill('alice');
    await control(panel, 'textbox', m('signin_password')).fill('texto-demo');
    await control(panel, 'button', m('signin_submit')).click();
    await control(panel, 'button', m('status_ready')).click();
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Bonjour, mon colis ?' });
    await waitForText(panel, 'article', 'Bonjour, mon colis ?');
    await control(panel, 'button', m('offer_accept')).click();
    const transcript = `[role="log"][aria-label="${m('transcript_label')}"]`;
    await waitForText(panel, transcript, 'Bonjour, mon colis ?');

    await waitForText(panel, 'section.interaction .mode', 'SMS en mode page');
    // The hidden label of a system line, as a screen reader and a copy read it.
    await waitForText(panel, `${transcript} .visually-hidden`, 'Système\u00a0:');
    await panel.evaluate((title) => [...document.querySelectorAll('summary')].find((s) => s.textContent === title)?.click(), m('contact_title'));
    const card = await panel.$eval('.contact-card', (e) => (e as HTMLElement).innerText);
    expect(card).toMatch(/Adresses e-mail\s+Aucune/);
    expect(card).toMatch(/Notes sur le contact\s+Aucune/);
    if (process.env.TEXTO_SCREENSHOTS) await panel.screenshot({ path: `${process.env.TEXTO_SCREENSHOTS}/french-panel.png`, fullPage: true });
    expect(await panel.$(aria('button', m('compose_send')))).not.toBeNull();
  });
});

describe('an undelivered page-mode reply in French', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;

  beforeAll(async () => {
    server = await startTestServer();
    chrome = await launchChromeWithExtension({ headless: true, lang: 'fr-FR' });
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('a page-mode reply the network refused reads "Réponses non distribuées (1)" with the reason and Renvoyer', async () => {
    const customer = newCustomerPhone();
    const rule = await fetch(`${server.url}/api/simulator/delivery-rules`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: customer, outcome: 'fail', reason: 'unreachable' }),
    });
    expect(rule.status).toBe(200);
    const panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await control(panel, 'textbox', m('signin_server')).fill(server.url);
    await control(panel, 'textbox', m('signin_username')).fill('alice');
    await control(panel, 'textbox', m('signin_password')).fill('texto-demo');
    await control(panel, 'button', m('signin_submit')).click();
    await control(panel, 'button', m('status_ready')).click();
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: 'Vous livrez samedi ?' });
    await waitForText(panel, 'article', 'Vous livrez samedi ?');
    await control(panel, 'button', m('offer_accept')).click();
    await waitForText(panel, `[role="log"][aria-label="${m('transcript_label')}"]`, 'Vous livrez samedi ?');
    await control(panel, 'textbox', m('compose_label')).fill('Oui, de 9 h à 12 h.');
    await control(panel, 'button', m('compose_send')).click();

    const card = `section[aria-label="${m('undelivered_list_title', '1')}"]`;
    await waitForText(panel, `${card} [role="alert"]`, 'Cette réponse n’est pas parvenue au client\u00a0: le téléphone');
    const section = await panel.$(card);
    expect(await section?.$(aria('button', m('delivery_resend')))).not.toBeNull();
    expect(await section?.$(aria('button', m('undelivered_dismiss')))).not.toBeNull();
    await panel.screenshot({ path: `${process.env.TEXTO_SCREENSHOTS ?? process.env.TMPDIR ?? '/tmp'}/texto-undelivered-360-fr.png` });
  });
});
