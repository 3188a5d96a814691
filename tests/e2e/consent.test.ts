import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { acceptOffer, aria, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

const REFUSED = 'This customer refused texts (STOP): you cannot send them anything. Reach them another way; they can send START to accept texts again.';

/** The message box as the agent meets it: disabled or not, and what its description says. */
function messageBox(panel: Page) {
  return panel.waitForSelector(aria('textbox', 'Message')).then((box) =>
    box!.evaluate((field) => {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return { disabled: (field as HTMLTextAreaElement).disabled, description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') };
    }),
  );
}

describe('consent in the Chromium side panel', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;
  let panel: Page;
  beforeAll(async () => {
    server = await startTestServer();
    chrome = await launchChromeWithExtension({ headless: true });
    panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 900 });
    await signInAndGoReady(panel, server.url);
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('"Stop. Merci" shows the banner; one click records the opt-out: the badge, a disabled box with the reason', async () => {
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Bonjour, une question' });
    await acceptOffer(panel, 'Bonjour, une question');
    expect(await messageBox(panel)).toMatchObject({ disabled: false });

    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Stop. Merci' });
    await waitForText(panel, '.consent-banner', 'This message looks like a request to stop texts.');
    expect(await panel.$('.sms-refused-badge')).toBeNull();
    await control(panel, 'button', 'Record the opt-out').click();

    await waitForText(panel, '.sms-refused-badge', 'SMS refused');
    await waitForText(panel, TRANSCRIPT, 'Alice Martin recorded that the customer refuses texts');
    expect(await messageBox(panel)).toEqual({ disabled: true, description: REFUSED });
    const send = await panel.waitForSelector(aria('button', 'Send'));
    expect(await send!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await panel.$('.consent-banner')).toBeNull();
    // The proof kept for a regulator: the contact's history names the agent and the number.
    await control(panel, 'button', 'History').click();
    await waitForText(panel, 'section[aria-label="Consent to texts"]', `Alice Martin recorded a refusal of texts from ${SESSION_NUMBER}`);
    expect(await panel.$eval('section[aria-label="Consent to texts"]', (e) => e.textContent ?? '')).toContain(customer);
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-consent-360-en.png`, fullPage: true });
    // Mark Done still closes it.
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForFunction(() => !document.querySelector('.sms-refused-badge'));
  });

  it('a customer who texted ARRÊT shows the badge and a disabled box when the next conversation opens', async () => {
    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'ARRÊT' });
    await eventually('the confirmation', async () => ((await sentTo(server.url, customer)).length === 1 ? true : undefined));
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Pourquoi ce message ?' });
    await acceptOffer(panel, 'Pourquoi ce message ?');
    await waitForText(panel, '.sms-refused-badge', 'SMS refused');
    expect(await messageBox(panel)).toEqual({ disabled: true, description: REFUSED });
  });
});
