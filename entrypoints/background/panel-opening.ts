import { browser } from 'wxt/browser';

// Opening the side panel differs per browser: Chrome's sidePanel API (MV3) and Firefox's
// sidebarAction (MV2), which @wxt-dev/browser's Chrome types do not describe.
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

const isFirefox = import.meta.env.BROWSER === 'firefox';

/** The window the agent used last: sidePanel.open needs one and must be called without awaiting. */
let lastWindowId: number | undefined;

/** Registered synchronously in the background's main. */
export function registerPanelOpening(): void {
  if (isFirefox) {
    // sidebarAction.open() only works inside the click's user-action handler: no await before it.
    browser.browserAction.onClicked.addListener(() => {
      void openFirefoxSidebar();
    });
    if (import.meta.env.MODE === 'e2e') {
      // Firefox driven by WebDriver BiDi will not navigate to moz-extension:// URLs, so the e2e
      // build opens the panel page in a tab by itself for the tests to drive.
      void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    }
    return;
  }
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('Texto: cannot make the toolbar icon open the side panel:', error);
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) lastWindowId = windowId;
  });
  browser.windows
    .getLastFocused()
    .then((window) => {
      lastWindowId ??= window.id;
    })
    .catch(() => undefined);
}

function openFirefoxSidebar(): Promise<void> {
  return (browser as unknown as FirefoxSidebar).sidebarAction.open().catch(() => undefined);
}

/**
 * Opens the panel in answer to a user action (a notification click). Browsers only allow this
 * from a user gesture; where they refuse, the notification has still told the agent.
 */
export function openPanelFromUserAction(): void {
  if (isFirefox) {
    void openFirefoxSidebar();
    return;
  }
  if (lastWindowId === undefined) return;
  browser.sidePanel.open({ windowId: lastWindowId }).catch(() => undefined);
}
