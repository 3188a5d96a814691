import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import type { Offer } from '@/lib/protocol';
import { openPanelFromUserAction } from './panel-opening';

const PREFIX = 'texto-offer:';
const MAX_BODY = 200;

/** Registered synchronously in the background's main. */
export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(PREFIX)) return;
    openPanelFromUserAction();
    void browser.notifications.clear(notificationId);
  });
}

function firstCustomerText(offer: Offer): string {
  for (const entry of offer.interaction.transcript) {
    if (entry.kind === 'message' && entry.direction === 'in') return entry.text;
  }
  return '';
}

/**
 * A system notification for each new offer (customer name or number, and the first text), and
 * none left behind for offers that were accepted, rejected or withdrawn. `notified` is the set
 * already shown, kept by the caller in storage.session so a restarted worker does not re-announce.
 */
export function syncOfferNotifications(offers: readonly Offer[], notified: readonly string[]): string[] {
  const current = new Set(offers.map((o) => o.interaction.id));
  for (const id of notified) {
    if (!current.has(id)) void browser.notifications.clear(PREFIX + id).catch(() => undefined);
  }
  for (const offer of offers) {
    const id = offer.interaction.id;
    if (notified.includes(id)) continue;
    const { customer } = offer.interaction;
    const who = customer.name ? `${customer.name} (${customer.phone})` : customer.phone;
    const text = firstCustomerText(offer);
    void browser.notifications
      .create(PREFIX + id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('notification_offer_title', who),
        message: text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text,
      })
      .catch(() => undefined);
  }
  return [...current];
}
