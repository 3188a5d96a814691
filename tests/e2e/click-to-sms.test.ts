import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TargetType, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { aria, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

interface ExtensionWorker {
  textoE2eContextMenuClick(info: { menuItemId: string; selectionText?: string; linkUrl?: string }): void;
}

/** "+33612345678" as a French CRM writes it: "06 12 34 56 78". */
const national = (e164: string) => `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

describe('click-to-SMS from a CRM page (Chromium)', () => {
  let server: TestServer;
  let crm: Server;
  let crmUrl: string;
  let chrome: ChromeWithExtension;
  let panel: Page;
  const customer = newCustomerPhone();
  beforeAll(async () => {
    server = await startTestServer({
      configure: (config) => {
        for (const number of config.numbers) number.sendingHours = { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', holidays: [] };
      },
    });
    // The CRM: a plain page with the customer's number in its text and as a tel: link.
    crm = createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>CRM</title><h1>Fiche client</h1><p>Mobile : <span id="mobile">${national(customer)}</span></p>` +
          `<p><a id="call" href="tel:${customer}">Appeler</a></p>`,
      );
    });
    await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
    crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/`;
    chrome = await launchChromeWithExtension({ headless: true });
    panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 900 });
    await signInAndGoReady(panel, server.url);
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
    await new Promise((resolve) => crm?.close(resolve));
  });

  const chooseMenuItem = async (info: { menuItemId: string; selectionText?: string; linkUrl?: string }) => {
    const target = await chrome.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
    const worker = (await target.worker())!;
    await worker.evaluate((clicked) => (globalThis as unknown as ExtensionWorker).textoE2eContextMenuClick(clicked), info);
  };
  const toField = () => panel.waitForSelector(aria('textbox', 'To (number or contact name)'));

  it('a selected number opens New SMS filled in; the agent sends, the phone receives, the answer lands in the same interaction', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(crmUrl);
    const selectionText = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('mobile')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selectionText).toBe(national(customer));
    await chooseMenuItem({ menuItemId: 'texto-sms-selection', selectionText });

    await panel.bringToFront();
    const to = await toField();
    expect(await to!.evaluate((field) => (field as HTMLInputElement).value)).toBe(national(customer));
    await panel.select(aria('combobox', 'From'), SESSION_NUMBER);
    const text = await panel.waitForSelector(aria('textbox', 'First text'));
    await text!.type('Bonjour, ici le service client.');
    await (await panel.waitForSelector(aria('button', 'Send SMS')))!.click();

    await waitForText(panel, TRANSCRIPT, 'Bonjour, ici le service client.');
    await eventually('the text on the phone', async () => ((await sentTo(server.url, customer)).some((m) => m.text === 'Bonjour, ici le service client.') ? true : undefined));
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: 'Oui, je vous écoute' });
    await waitForText(panel, TRANSCRIPT, 'Oui, je vous écoute');
    expect(await panel.$$eval('[role="tab"]', (tabs) => tabs.length)).toBe(1);
    await page.close();
  });

  it('a tel: link opens New SMS with its number, and choosing it again joins the open interaction', async () => {
    await chooseMenuItem({ menuItemId: 'texto-sms-link', linkUrl: `tel:${customer}` });
    const to = await toField();
    expect(await to!.evaluate((field) => (field as HTMLInputElement).value)).toBe(customer);
    await panel.select(aria('combobox', 'From'), SESSION_NUMBER);
    await (await panel.waitForSelector(aria('textbox', 'First text')))!.type('Un dernier mot');
    await (await panel.waitForSelector(aria('button', 'Send SMS')))!.click();
    await waitForText(panel, TRANSCRIPT, 'Un dernier mot');
    expect(await panel.$$eval('[role="tab"]', (tabs) => tabs.length)).toBe(1);
  });
});
