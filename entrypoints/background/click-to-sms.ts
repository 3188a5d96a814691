import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import { languageReady } from './language';
import { numberFromContextMenu } from '@/lib/sms/click-to-sms';
import { openPanelFromUserAction } from './panel-opening';

const MENU_SELECTION = 'texto-sms-selection';
const MENU_LINK = 'texto-sms-link';
/** A click made while no panel was open waits here (storage.session survives a worker restart) for the panel to connect. */
const PENDING_KEY = 'texto-click-to-sms';
/** A pending number older than this is dropped: the agent has moved on. */
const PENDING_MS = 60_000;

type MenuInfo = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'linkUrl'>;

/**
 * "Send SMS with Texto" on a selected phone number and on `tel:` / `sms:` links of any page, with
 * only the contextMenus permission: no host permission, no content script. A click opens the
 * panel (a user action: allowed) on New SMS with the number filled in. Registered synchronously
 * in the background's main.
 */
export function registerClickToSms(panels: { hasPanels(): boolean; broadcastNewSms(phone: string): void }): void {
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all([languageReady, browser.contextMenus.removeAll()]).then(() => {
      browser.contextMenus.create({ id: MENU_SELECTION, title: t('click_to_sms_menu'), contexts: ['selection'] });
      try {
        browser.contextMenus.create({ id: MENU_LINK, title: t('click_to_sms_menu'), contexts: ['link'], targetUrlPatterns: ['tel:*', 'sms:*'] });
      } catch (error) {
        // A browser whose match patterns refuse non-web schemes: the selection item still works.
        console.warn('Texto: no "Send SMS with Texto" item on tel:/sms: links here:', error);
      }
    });
  });
  const onClick = (info: MenuInfo) => {
    if (info.menuItemId !== MENU_SELECTION && info.menuItemId !== MENU_LINK) return;
    const phone = numberFromContextMenu(info);
    if (!phone) return;
    // No await before it: opening the panel must happen inside the click's user action.
    openPanelFromUserAction();
    if (panels.hasPanels()) panels.broadcastNewSms(phone);
    else void browser.storage.session.set({ [PENDING_KEY]: { phone, at: Date.now() } });
  };
  browser.contextMenus.onClicked.addListener((info) => onClick(info));
  if (import.meta.env.MODE === 'e2e') {
    // No API clicks a context-menu item: the e2e build lets the test choose it through the same handler.
    (globalThis as { textoE2eContextMenuClick?: typeof onClick }).textoE2eContextMenuClick = onClick;
  }
}

/** The number a click left for the panel that just connected, once. */
export async function takePendingClickToSms(): Promise<string | undefined> {
  const stored = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as { phone?: unknown; at?: unknown } | undefined;
  if (!stored) return undefined;
  await browser.storage.session.remove(PENDING_KEY);
  return typeof stored.phone === 'string' && typeof stored.at === 'number' && Date.now() - stored.at < PENDING_MS ? stored.phone : undefined;
}
