import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/browser';
import { fixture } from '../fixtures/media/load';
import { acceptOffer, aria, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerSendsMms, eventually, newCustomerPhone } from './support/simulator';

/** The e2e build opens sidepanel.html in a tab (see firefox.test.ts); found by its location. */
async function findPanelTab(browser: Browser): Promise<Page> {
  return eventually('the Texto panel tab', async () => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/sidepanel.html')) return page;
    }
    return undefined;
  });
}

describe('Firefox (MV2 build): the transcript', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({
      configure: (config) => {
        // A CRM page on a closed loopback port: the tab it opens is not what this test checks.
        config.dialer = { kind: 'template', template: 'http://127.0.0.1:9/call?to={number}' };
      },
    });
    ({ browser } = await launchFirefoxWithExtension({ headless: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an MMS thumbnail and its full view, the link and the number, and records a call', async () => {
    const panel = await findPanelTab(browser);
    await panel.bringToFront();
    await signInAndGoReady(panel, server.url, 'alice');
    const text = 'Photo jointe, détails sur https://example.com/colis et au 06 12 34 56 78';
    await customerSendsMms(server.url, {
      from: newCustomerPhone(),
      text,
      media: [{ contentType: 'image/png', base64: fixture('screenshot.png').toString('base64'), filename: 'colis.png' }],
    });
    await acceptOffer(panel, 'Photo jointe');
    await panel.waitForFunction(
      (selector) => [...document.querySelectorAll<HTMLImageElement>(`${selector} img`)].some((img) => img.complete && img.naturalWidth > 0),
      { timeout: 10_000, polling: 100 },
      TRANSCRIPT,
    );
    expect(await panel.$eval(`${TRANSCRIPT} a`, (a) => [a.textContent, a.getAttribute('rel')])).toEqual(['https://example.com/colis', 'noopener noreferrer']);

    await control(panel, 'button', 'Options').click();
    await control(panel, 'menuitem', 'Open').click();
    await panel.waitForSelector('dialog[open] img');
    expect(await panel.$eval('dialog[open]', (d) => d.querySelector('a')?.textContent)).toBe('Save');
    await control(panel, 'button', 'Close').click();
    await panel.waitForSelector('dialog[open]', { hidden: true });

    await panel.$eval(`${TRANSCRIPT} ${aria('button', '06 12 34 56 78')}`, (b) => (b as HTMLButtonElement).click());
    await waitForText(panel, TRANSCRIPT, 'Alice Martin called +33612345678');
    const rows = await server.db().query<{ kind: string }>('SELECT kind FROM activities');
    expect(rows).toEqual([{ kind: 'call' }]);
  });
});
