import { browser } from 'wxt/browser';

/** Chrome MV3 has `action`; Firefox MV2 has `browserAction` with the same badge calls. */
function toolbarAction() {
  return import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;
}

let shown = -1;

/** The toolbar badge: offers waiting for the agent's answer plus messages not read yet. */
export function showBadge(waitingOffers: number, unreadMessages: number): void {
  const count = waitingOffers + unreadMessages;
  if (count === shown) return;
  shown = count;
  const action = toolbarAction();
  // Both return promises through webextension-polyfill; a closed window must not become an error.
  Promise.resolve(action.setBadgeBackgroundColor({ color: '#c2410c' })).catch(() => undefined);
  Promise.resolve(action.setBadgeText({ text: count > 0 ? String(count) : '' })).catch(() => undefined);
}
