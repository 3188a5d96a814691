// One Firefox with the built MV2 extension per test file, and the panel tab it opens by itself.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchFirefoxWithExtension } from '../../../scripts/browser';
import { signInAndGoReady } from './panel';
import { eventually } from './simulator';

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

/** Registers beforeAll/afterAll: Firefox with the extension for the calling describe block. */
export function useFirefox(): { openPanel(server: string, username: string): Promise<Page> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ browser } = await launchFirefoxWithExtension({ headless: true }));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** The panel tab, in front, with `username` signed in and Ready. */
    async openPanel(server, username) {
      if (!browser) throw new Error('Firefox is not running');
      const panel = await findPanelTab(browser);
      // A background tab gets no animation frames: bring it forward so the page runs normally.
      await panel.bringToFront();
      await signInAndGoReady(panel, server, username);
      return panel;
    },
  };
}
