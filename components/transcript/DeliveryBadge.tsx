import { t } from '@/lib/i18n/t';
import { deliveryFailed, type DeliveryStatus } from '@/lib/protocol';
import { deliveryLabel, deliveryReasonText } from './delivery-text';

/**
 * What became of a reply, under it: Queued, Sent, Delivered; when it did not (all or part)
 * reach the customer, an alert with the carrier's reason and Resend.
 */
export function DeliveryBadge({ delivery, onResend }: { delivery: DeliveryStatus; onResend: () => void }) {
  const label = deliveryLabel(delivery);
  if (!deliveryFailed(delivery)) {
    return (
      <p class={`delivery delivery-${delivery.state}`} data-delivery={delivery.state}>
        {label}
      </p>
    );
  }
  return (
    <div class="delivery delivery-failed" data-delivery={delivery.state} role="alert">
      <p>
        <strong>{label}</strong> · {t('delivery_not_delivered_alert', deliveryReasonText(delivery))}
      </p>
      <button type="button" class="resend" onClick={onResend}>
        {t('delivery_resend')}
      </button>
    </div>
  );
}
