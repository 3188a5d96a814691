import { t } from '@/lib/i18n/t';
import { deliveryFailed, type UndeliveredReply } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { deliveryLabel, deliveryReasonText } from '../transcript/delivery-text';

interface Props {
  replies: readonly UndeliveredReply[];
  busy: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
  onResend: (reply: UndeliveredReply) => void;
  onDismiss: (reply: UndeliveredReply) => void;
}

/**
 * Replies whose interaction already left the desk (page mode closes on its reply) and that did
 * not reach the customer: who, what, why, with Resend and Dismiss. A Resend stays here, "Sending
 * again", until it is delivered (then the server removes it) or fails again.
 */
export function UndeliveredReplies({ replies, busy, errors, onResend, onDismiss }: Props) {
  if (replies.length === 0) return null;
  const title = t('undelivered_list_title', String(replies.length));
  return (
    <section class="card undelivered" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {replies.map((reply) => {
          const { customer, delivery } = reply;
          const failed = deliveryFailed(delivery);
          return (
            <li key={reply.entryId} class="undelivered-item" data-delivery={delivery.state}>
              <p class="undelivered-to">
                {t('undelivered_to')}{' '}
                <strong dir="auto">{customer.name ?? customer.phone}</strong> {customer.name && <span>{customer.phone}</span>}
              </p>
              <p class="undelivered-text" dir="auto">
                {reply.text}
              </p>
              {failed ? (
                <p role="alert">
                  <strong>{deliveryLabel(delivery)}</strong> · {t('delivery_not_delivered_alert', deliveryReasonText(delivery))}
                </p>
              ) : (
                <p>{t('undelivered_resending', String(delivery.attempt ?? 2))}</p>
              )}
              <ErrorAlert message={errors.get(reply.entryId)} />
              <div class="actions">
                {failed && (
                  <button type="button" class="button small primary" disabled={busy.has(reply.entryId)} onClick={() => onResend(reply)}>
                    {t('delivery_resend')}
                  </button>
                )}
                <button type="button" class="button small" disabled={busy.has(reply.entryId)} onClick={() => onDismiss(reply)}>
                  {t('undelivered_dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
