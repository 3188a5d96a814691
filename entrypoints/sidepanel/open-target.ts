import { browser } from 'wxt/browser';

/**
 * Opens a click-to-dial or click-to-email target from the side panel.
 *
 * - `http(s)` (a CRM's click-to-call page, a web mail's compose page): a new tab beside the CRM,
 *   through `tabs.create` (no permission needed; the panel itself must not navigate).
 * - `tel:`, `sip:`, `callto:`, `mailto:`: handed to the browser's protocol handling by
 *   activating a link inside the panel, as a click on a `tel:` link in a web page does. Chrome
 *   and Firefox give such URLs to the registered application (softphone, mail program) without
 *   unloading the panel; a new tab (`tabs.create`) would leave an empty tab behind in Chrome, and
 *   `tabs.update` would risk replacing the agent's CRM page with an error where no handler is set.
 *   This runs inside the agent's click (user activation), which both browsers require.
 */
export function openTarget(url: string): Promise<void> {
  if (/^https?:/i.test(url)) return browser.tabs.create({ url }).then(() => undefined);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.rel = 'noopener noreferrer';
  anchor.click();
  return Promise.resolve();
}
