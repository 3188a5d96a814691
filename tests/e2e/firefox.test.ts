import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/browser';
import { acceptOffer, control, signInAndGoReady } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo } from './support/simulator';

/**
 * The e2e build opens sidepanel.html in a tab by itself (BiDi will not navigate to moz-extension://).
 * Such a page reports about:blank as its url(), so it is found by what `location.href` says.
 */
async function findPanelTab(browser: Browser): Promise<Page> {
  return eventually('the Texto panel tab', async () => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/sidepanel.html')) return page;
    }
    return undefined;
  });
}

describe('Firefox (MV2 sidebar build) smoke test', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    ({ browser } = await launchFirefoxWithExtension({ headless: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, accepts an SMS and replies', async () => {
    const panel = await findPanelTab(browser);
    // A background tab gets no animation frames: bring it forward so the page runs normally.
    await panel.bringToFront();
    await signInAndGoReady(panel, server.url, 'bob');

    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, text: 'Bonjour depuis Firefox' });
    await acceptOffer(panel, 'Bonjour depuis Firefox');
    await control(panel, 'textbox', 'Message').fill('Bien reçu !');
    await control(panel, 'button', 'Send').click();

    const sent = await eventually('the reply in the simulator', async () => {
      const messages = await sentTo(server.url, customer);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Bien reçu !']);
  });
});
