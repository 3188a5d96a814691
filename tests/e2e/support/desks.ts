// Several agents at once, each in their own Chromium with the extension: one browser per agent,
// launched once per test file.
import { TargetType, type ElementHandle, type Page, type WebWorker } from 'puppeteer-core';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../../scripts/browser';
import { aria, signIn, signInAndGoReady, waitForText } from './panel';

export interface Desk {
  chrome: ChromeWithExtension;
  panel: Page;
  /** The extension's service worker (started again if Chrome stopped it). */
  worker(): Promise<WebWorker>;
}

export async function openDesk(server: string, username: string, options: { ready: boolean }): Promise<Desk> {
  const chrome = await launchChromeWithExtension({ headless: true });
  const panel = await chrome.openSidePanel();
  if (options.ready) await signInAndGoReady(panel, server, username);
  else {
    await signIn(panel, server, username);
    await panel.waitForSelector(aria('button', 'Sign out'));
  }
  return {
    chrome,
    panel,
    async worker() {
      const target = await chrome.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
      return (await target.worker())!;
    },
  };
}

/** Signs the agent out (so the server does not keep routing to them) and closes the browser. */
export async function closeDesk(desk: Desk | undefined): Promise<void> {
  if (!desk) return;
  await desk.panel
    .locator(aria('button', 'Sign out'))
    .setTimeout(2000)
    .click()
    .catch(() => undefined);
  await desk.chrome.browser.close();
}

/** The first element matching `selector` whose text includes `text` (waits for it). */
export async function elementShowing(panel: Page, selector: string, text: string): Promise<ElementHandle> {
  await waitForText(panel, selector, text);
  for (const handle of await panel.$$(selector)) {
    if ((await handle.evaluate((e) => e.textContent ?? '')).includes(text)) return handle;
  }
  throw new Error(`no ${selector} shows ${text}`);
}

/** Clicks the control named `name` inside `container`. */
export async function clickIn(container: ElementHandle, role: 'button' | 'link' | 'tab', name: string): Promise<void> {
  const control = await container.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`);
  await control!.click();
}

export const TAB = '[role="tab"]';
export const TARGET_ROW = 'li.target';
export const CONSULTATION_LOG = '[role="log"][aria-label="Consultation messages"]';
