import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import type { Offer } from '@/lib/protocol';
import { OFFER_BUTTONS, OFFER_NOTIFICATION_PREFIX, offerAnswerOf, offerNotificationText, type OfferAnswer } from './offer-notification';
import { openPanelFromUserAction } from './panel-opening';

/** Firefox's notifications have no buttons (the option is refused): a click opens the sidebar there. */
const HAS_BUTTONS = import.meta.env.BROWSER !== 'firefox';

/** Registered synchronously in the background's main. */
export function registerNotificationClicks(answerOffer: (interactionId: string, answer: OfferAnswer) => Promise<void>): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(OFFER_NOTIFICATION_PREFIX)) return;
    openPanelFromUserAction();
    void browser.notifications.clear(notificationId);
  });
  if (!HAS_BUTTONS) return;
  const onButton = (notificationId: string, buttonIndex: number) => {
    const answer = offerAnswerOf(notificationId, buttonIndex);
    if (!answer) return;
    // Accepting from the notification: the agent will want to see the interaction.
    if (answer.answer === 'accept') openPanelFromUserAction();
    void browser.notifications.clear(notificationId);
    void answerOffer(answer.interactionId, answer.answer);
  };
  browser.notifications.onButtonClicked.addListener(onButton);
  if (import.meta.env.MODE === 'e2e') {
    // No API clicks a notification's button: the e2e build lets the test press it through the same handler.
    (globalThis as { textoE2ePressNotificationButton?: typeof onButton }).textoE2ePressNotificationButton = onButton;
  }
}

/**
 * A system notification for each new offer (customer name or number, and the first text; a
 * transfer also names the colleague), with Accept / Reject where the browser has buttons, and none
 * left behind for offers that ended (accepted, rejected, timed out, withdrawn). `notified` is the
 * set already shown, kept by the caller in storage.session so a restarted worker does not re-announce.
 */
export function syncOfferNotifications(offers: readonly Offer[], notified: readonly string[]): string[] {
  const current = new Set(offers.map((o) => o.interaction.id));
  for (const id of notified) {
    if (!current.has(id)) void browser.notifications.clear(OFFER_NOTIFICATION_PREFIX + id).catch(() => undefined);
  }
  for (const offer of offers) {
    const id = offer.interaction.id;
    if (notified.includes(id)) continue;
    const text = offerNotificationText(offer, t);
    void browser.notifications
      .create(OFFER_NOTIFICATION_PREFIX + id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(...text.title),
        message: text.message,
        ...(HAS_BUTTONS ? { buttons: OFFER_BUTTONS.map((answer) => ({ title: t(answer === 'accept' ? 'offer_accept' : 'offer_reject') })), requireInteraction: true } : {}),
      })
      .catch(() => undefined);
  }
  return [...current];
}
