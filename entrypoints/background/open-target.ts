import { browser } from 'wxt/browser';

/** The schemes a click-to-dial or click-to-email target may have (lib/dialer builds them). */
const WEB = /^https?:/i;
const HANDED_TO_THE_SYSTEM = /^(tel|sip|callto|mailto):/i;
/**
 * `tel:1002` reads to Chrome's tabs API as a host and a port: it loads http://tel:1002/ and puts
 * an error page in place of the agent's page. The dialer's targets are E.164 (`tel:+33…`) or a
 * local number with its context (`tel:1002;phone-context=+33`), never digits alone; such a URL is
 * refused rather than sent.
 */
const LOOKS_LIKE_HOST_AND_PORT = /^[a-z][a-z0-9+.-]*:\d+$/i;

export type OpenTargetOutcome = { ok: true } | { ok: false; message: string };

/**
 * Opens a dialer or email target for the panel, from the background, so that the side panel
 * itself never navigates nor waits on the browser's protocol handling (a `tel:` link activated
 * inside the Chromium side panel left it deaf to the keyboard until it was reopened).
 *
 * - `http(s)` (a CRM's click-to-call page, a web mail's compose page): a new tab.
 * - `tel:`, `sip:`, `callto:`, `mailto:`: the active tab of the agent's window is pointed at the
 *   URL. The browser hands such a URL to the registered application (softphone, mail program) or
 *   asks which one to use, as for a `tel:` link clicked in that page, and the page stays where it
 *   is: an external protocol never replaces the document. Only when there is no such tab (no window, or
 *   only the panel's own tab in the e2e build) does a new tab carry it.
 *
 * `panelTabId`: the tab the panel runs in, when it runs in a tab (Firefox e2e build); never used.
 */
export async function openTarget(url: string, panelTabId: number | undefined): Promise<OpenTargetOutcome> {
  if (WEB.test(url)) {
    await browser.tabs.create({ url });
    return { ok: true };
  }
  if (!HANDED_TO_THE_SYSTEM.test(url)) return { ok: false, message: `"${url.slice(0, 40)}" is not a tel:, sip:, callto:, mailto: or http(s) address.` };
  if (LOOKS_LIKE_HOST_AND_PORT.test(url)) return { ok: false, message: `"${url}" has no + and country code; the browser would take it for a web address.` };
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && active.id !== panelTabId) {
    await browser.tabs.update(active.id, { url });
    return { ok: true };
  }
  await browser.tabs.create({ url, active: false });
  return { ok: true };
}
