import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { elementShowing, TARGET_ROW } from './support/desks';
import { acceptOffer, aria, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, PAGE_NUMBER, sentTo, SESSION_NUMBER } from './support/simulator';

/** Stands for the agent's CRM (the page open beside the panel) and for an HTTP softphone's click-to-call URL. */
async function startCrm(): Promise<{ server: Server; url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>CRM</title><p>Customer file</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

/** The URLs the browser was asked to load in `tab` (a tel: one is handed to the system's handler and aborted there). */
function requestsOf(tab: Page): string[] {
  const urls: string[] = [];
  tab.on('request', (request) => urls.push(request.url()));
  return urls;
}

const NUMBER = '06 12 34 56 78';
const E164 = '+33612345678';

describe('click-to-dial from the Chromium side panel: opened by the background, the panel keeps the keyboard', () => {
  const server = useTestServer({ configFile: true });
  const chrome = useChrome();
  let crm: Awaited<ReturnType<typeof startCrm>>;
  beforeAll(async () => {
    crm = await startCrm();
  });
  afterAll(async () => {
    await new Promise((resolve) => crm.server.close(resolve));
  });

  it('a tel: number activated from the keyboard, then typing in the message box: the text arrives; sip:, callto: and an HTTP softphone are dispatched too', async () => {
    const browser = chrome.get().browser;
    const [tab] = await browser.pages();
    await tab!.goto(`${crm.url}/customer/42`);
    const asked = requestsOf(tab!);
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    const customer = newCustomerPhone();
    // A page-mode text (the reply ends the conversation), as in the report of the frozen panel.
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text: `Rappelez-moi au ${NUMBER} svp` });
    await acceptOffer(panel, 'Rappelez-moi');

    // The first activation is from the keyboard (Enter on the number), as an agent without a mouse does.
    const phone = await panel.waitForSelector(aria('button', NUMBER));
    await phone!.focus();
    await panel.keyboard.press('Enter');
    await waitForText(panel, TRANSCRIPT, `Alice Martin called ${E164}`);
    // The panel still hears the keyboard a moment later: Tab moves on, typed text lands in the
    // message box and is sent. (With the old tel: link activated inside the panel, Tab stayed on the
    // number and nothing typed arrived; seen on this page-mode conversation, not on a session one.)
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).not.toBe(NUMBER);
    const box = await panel.waitForSelector(aria('textbox', 'Message'));
    await box!.focus();
    await panel.keyboard.type('Je vous appelle tout de suite');
    expect(await box!.evaluate((e) => (e as HTMLTextAreaElement).value)).toBe('Je vous appelle tout de suite');
    await control(panel, 'button', 'Send').click();
    const sent = await eventually('the reply typed after the call', async () => {
      const messages = await sentTo(server.url, customer);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Je vous appelle tout de suite']);

    // The tel: URL was handed to the browser in the agent's CRM tab, and the CRM page stays: an
    // external protocol does not replace it.
    await eventually('the tel: URL handed to the browser in the CRM tab', () => Promise.resolve(asked.includes(`tel:${E164}`) || undefined));
    expect(tab!.url()).toBe(`${crm.url}/customer/42`);

    // A session-mode conversation stays open while the dialer changes.
    await customerTexts(server.url, { from: newCustomerPhone(), to: SESSION_NUMBER, text: `Mon numéro est le ${NUMBER}` });
    await acceptOffer(panel, 'Mon numéro est le');

    // The administrator switches the dialer (the server reloads the file and pushes the settings).
    const seen = (expected: string) => asked.includes(expected) || crm.calls.some((call) => `${crm.url}${call}` === expected);
    const dialWith = async (dialer: string, expected: string) => {
      const reload = await server.rewriteConfig((yaml) => yaml.replace(/^dialer: .*$/m, `dialer: ${dialer}`));
      expect(reload.join('\n')).toContain('dialer:');
      await eventually(`${expected} dispatched`, async () => {
        // Settings reach the panel just after the reload: click again until the new dialer is used.
        if (!seen(expected)) await control(panel, 'button', NUMBER).click();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return seen(expected) || undefined;
      });
    };
    await dialWith('{type: sip, domain: pbx.example}', `sip:${E164}@pbx.example;user=phone`);
    await dialWith('{type: callto}', `callto:${E164}`);

    // An HTTP softphone's URL template: a new tab at the URL, the CRM tab untouched.
    const softphoneTab = browser.waitForTarget((t) => t.url().startsWith(`${crm.url}/dial`), { timeout: 15_000 });
    await dialWith(`{type: template, template: "${crm.url}/dial?to={number}"}`, `${crm.url}/dial?to=%2B33612345678`);
    expect((await softphoneTab).url()).toBe(`${crm.url}/dial?to=%2B33612345678`);
    expect(tab!.url()).toBe(`${crm.url}/customer/42`);

    // And the keyboard still works after all of them.
    const secondBox = await panel.waitForSelector(aria('textbox', 'Message'));
    await secondBox!.focus();
    await panel.keyboard.type('Encore là');
    expect(await secondBox!.evaluate((e) => (e as HTMLTextAreaElement).value)).toBe('Encore là');
  });

  it('Voice in a consultation calls the colleague\'s extension the same way: handed to the browser in the CRM tab, the panel keeps the keyboard', async () => {
    const browser = chrome.get().browser;
    const [tab] = await browser.pages();
    await tab!.goto(`${crm.url}/customer/7`);
    const asked = requestsOf(tab!);
    await server.rewriteConfig((yaml) => yaml.replace(/^dialer: .*$/m, 'dialer: {type: tel}'));
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    await customerTexts(server.url, { from: newCustomerPhone(), to: SESSION_NUMBER, text: 'Une question sur ma garantie' });
    await acceptOffer(panel, 'Une question sur ma garantie');

    await panel.locator(`[role="group"][aria-label="Interaction actions"] ${aria('button', 'Consult')}`).setWaitForStableBoundingBox(false).click();
    await control(panel, 'searchbox', 'Search agents and queues').fill('bob');
    const row = await elementShowing(panel, TARGET_ROW, 'Bob Durand');
    // A button, activated from the keyboard: no link to follow inside the panel.
    const voice = await row.waitForSelector(aria('button', 'Voice'));
    await voice!.focus();
    await panel.keyboard.press('Enter');
    // Bob's extension 1002 as a local number of the centre's region (RFC 3966), which the browser
    // cannot mistake for the web address "tel", port 1002.
    await eventually('the extension handed to the browser in the CRM tab', () => Promise.resolve(asked.includes('tel:1002;phone-context=+33') || undefined));
    expect(asked.some((url) => url.startsWith('http://tel'))).toBe(false);
    expect(tab!.url()).toBe(`${crm.url}/customer/7`);

    // The panel still hears the keyboard: the search field takes typing.
    const search = await panel.waitForSelector(aria('searchbox', 'Search agents and queues'));
    await search!.focus();
    await panel.keyboard.type('x');
    expect(await search!.evaluate((e) => (e as HTMLInputElement).value)).toBe('bobx');

    // With SIP and the PBX's domain, the extension is a SIP address at that domain.
    await server.rewriteConfig((yaml) => yaml.replace(/^dialer: .*$/m, 'dialer: {type: sip, domain: pbx.example}'));
    await eventually('sip:1002@pbx.example dispatched', async () => {
      if (!asked.includes('sip:1002@pbx.example')) {
        await search!.evaluate((e) => ((e as HTMLInputElement).value = ''));
        await control(panel, 'searchbox', 'Search agents and queues').fill('bob');
        await (await (await elementShowing(panel, TARGET_ROW, 'Bob Durand')).waitForSelector(aria('button', 'Voice')))!.click();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return asked.includes('sip:1002@pbx.example') || undefined;
    });
  });
});
