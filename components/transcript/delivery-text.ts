import { t, type MessageKey } from '@/lib/i18n/t';
import type { DeliveryStatus } from '@/lib/protocol';

const STATE_KEYS = {
  queued: 'delivery_queued',
  sent: 'delivery_sent',
  delivered: 'delivery_delivered',
  partly_delivered: 'delivery_partly_delivered',
  undelivered: 'delivery_undelivered',
  failed: 'delivery_failed',
} as const satisfies Record<DeliveryStatus['state'], MessageKey>;

const REASON_KEYS = {
  opted_out: 'delivery_reason_opted_out',
  landline: 'delivery_reason_landline',
  unreachable: 'delivery_reason_unreachable',
  unknown_destination: 'delivery_reason_unknown_destination',
  spam: 'delivery_reason_spam',
  blocked: 'delivery_reason_blocked',
  invalid_number: 'delivery_reason_invalid_number',
  carrier_error: 'delivery_reason_carrier_error',
  unknown: 'delivery_reason_unknown',
} as const satisfies Record<NonNullable<DeliveryStatus['reason']>, MessageKey>;

/** The reason in the agent's language, with the carrier's code for the administrator. */
export function deliveryReasonText(delivery: DeliveryStatus): string {
  const reason = t(REASON_KEYS[delivery.reason ?? 'unknown']);
  return delivery.code ? `${reason} (${t('delivery_code', delivery.code)})` : reason;
}

/** The state's word: Queued, Sent, Delivered, Partly delivered (1 of 2), Not delivered. */
export function deliveryLabel(delivery: DeliveryStatus): string {
  return t(STATE_KEYS[delivery.state], String(delivery.delivered ?? 0), String(delivery.parts ?? 1));
}
