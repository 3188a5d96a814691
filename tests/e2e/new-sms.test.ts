import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { aria, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

/** "+33612345678" as an agent types it from a French CRM: "06 12 34 56 78". */
const national = (e164: string) => `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

describe('New SMS in the Chromium side panel', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;
  let panel: Page;
  beforeAll(async () => {
    // Open all week, whatever the hour the test runs at.
    server = await startTestServer({
      configure: (config) => {
        for (const number of config.numbers) number.sendingHours = { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', holidays: [] };
      },
    });
    chrome = await launchChromeWithExtension({ headless: true });
    panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 900 });
    await signInAndGoReady(panel, server.url);
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });

  it('the agent starts a conversation to a typed number; the phone receives it and the answer lands in the same interaction', async () => {
    const customer = newCustomerPhone();
    await control(panel, 'button', 'New SMS').click();
    await panel.waitForSelector(aria('combobox', 'From'));
    await panel.select(aria('combobox', 'From'), SESSION_NUMBER);
    await control(panel, 'textbox', 'To (number or contact name)').fill(national(customer));
    await control(panel, 'textbox', 'First text').fill('Bonjour, votre colis est arrivé.');
    await control(panel, 'button', 'Send SMS').click();

    await waitForText(panel, TRANSCRIPT, 'Bonjour, votre colis est arrivé.');
    await eventually('the text on the phone', async () => ((await sentTo(server.url, customer)).some((m) => m.text === 'Bonjour, votre colis est arrivé.') ? true : undefined));
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Merci, je passe ce soir' });
    await waitForText(panel, TRANSCRIPT, 'Merci, je passe ce soir');
    // One tab: the answer joined the agent's interaction, no offer was made.
    expect(await panel.$$eval('[role="tab"]', (tabs) => tabs.length)).toBe(1);
    expect(await panel.$('.offer')).toBeNull();
  });

  it('a refused New SMS says why and keeps what the agent typed', async () => {
    await control(panel, 'button', 'New SMS').click();
    await control(panel, 'textbox', 'To (number or contact name)').fill('06 12');
    await control(panel, 'textbox', 'First text').fill('Bonjour');
    await control(panel, 'button', 'Send SMS').click();
    await waitForText(panel, '.new-sms [role="alert"]', '"06 12" is not a valid phone number');
    expect(await panel.$eval(aria('textbox', 'First text'), (box) => (box as HTMLTextAreaElement).value)).toBe('Bonjour');
    await control(panel, 'button', 'Cancel').click();
  });
});
