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
function reasonText(delivery: DeliveryStatus): string {
  const reason = t(REASON_KEYS[delivery.reason ?? 'unknown']);
  return delivery.code ? `${reason} (${t('delivery_code', delivery.code)})` : reason;
}

/**
 * What became of a reply, under it: Queued, Sent, Delivered; when it did not (all or part)
 * reach the customer, an alert with the carrier's reason and Resend.
 */
export function DeliveryBadge({ delivery, onResend }: { delivery: DeliveryStatus; onResend: () => void }) {
  const label = t(STATE_KEYS[delivery.state], String(delivery.delivered ?? 0), String(delivery.parts ?? 1));
  const failed = delivery.state === 'undelivered' || delivery.state === 'failed' || delivery.state === 'partly_delivered';
  if (!failed) {
    return (
      <p class={`delivery delivery-${delivery.state}`} data-delivery={delivery.state}>
        {label}
      </p>
    );
  }
  return (
    <div class="delivery delivery-failed" data-delivery={delivery.state} role="alert">
      <p>
        <strong>{label}</strong> · {t('delivery_not_delivered_alert', reasonText(delivery))}
      </p>
      <button type="button" class="resend" onClick={onResend}>
        {t('delivery_resend')}
      </button>
    </div>
  );
}
