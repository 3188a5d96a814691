import type { Translate } from '@/lib/i18n/t';
import type { Offer } from '@/lib/protocol';
import { offerPreview } from '../../lib/transcript/offer-preview';

// What a system notification says about an offer, and what its buttons mean. Pure, so that the
// wording and the button mapping are tested without a browser.

export const OFFER_NOTIFICATION_PREFIX = 'texto-offer:';
const MAX_BODY = 200;

/** The buttons, in order: Chrome shows them; Firefox has no notification buttons. */
export const OFFER_BUTTONS = ['accept', 'reject'] as const;
export type OfferAnswer = (typeof OFFER_BUTTONS)[number];

export interface OfferNotificationText {
  /** Localized: (key, substitution). */
  title: ['notification_offer_title' | 'transfer_notification_title', ...string[]];
  message: string;
}

/** A new SMS names the customer; a transfer also names the colleague who sends it. */
export function offerNotificationText(offer: Offer, translate: Translate): OfferNotificationText {
  const { customer } = offer.interaction;
  const who = customer.name ? `${customer.name} (${customer.phone})` : customer.phone;
  const text = offerPreview(offer.interaction, translate);
  const message = text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text;
  return {
    title: offer.transfer ? ['transfer_notification_title', offer.transfer.from.name, who] : ['notification_offer_title', who],
    message,
  };
}

/** The interaction and answer behind a click on a notification's button, if it is one of ours. */
export function offerAnswerOf(notificationId: string, buttonIndex: number): { interactionId: string; answer: OfferAnswer } | undefined {
  if (!notificationId.startsWith(OFFER_NOTIFICATION_PREFIX)) return undefined;
  const answer = OFFER_BUTTONS[buttonIndex];
  const interactionId = notificationId.slice(OFFER_NOTIFICATION_PREFIX.length);
  return answer && interactionId ? { interactionId, answer } : undefined;
}
