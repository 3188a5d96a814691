import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import type { Offer } from '@/lib/protocol';
import { secondsLeft } from '@/lib/time/format';
import { firstCustomerMessage, picturesLabel } from '@/lib/transcript/offer-preview';
import { PreviewText } from '../transcript/PreviewText';
import { ErrorAlert } from '../common/ErrorAlert';
import { OfferAnswers } from './OfferAnswers';

interface Props {
  offer: Offer;
  /** Server time now (offer deadlines are server times). */
  serverNow: TickingTime;
  busy: boolean;
  error: string | undefined;
  onAccept: () => void;
  onReject: () => void;
}

/** An incoming SMS waiting for the agent: who, what they wrote first, time left, Accept / Reject. */
export function OfferCard({ offer, serverNow, busy, error, onAccept, onReject }: Props) {
  const { customer } = offer.interaction;
  const who = customer.name ?? customer.phone;
  const left = secondsLeft(offer.expiresAt, serverNow.value);
  const titleId = `offer-${offer.interaction.id}`;
  const first = firstCustomerMessage(offer.interaction);
  const pictures = first ? picturesLabel(first, t) : '';
  const text = first?.text.trim() ?? '';
  return (
    <article class="card offer" aria-labelledby={titleId}>
      <header class="offer-head">
        <h2 id={titleId} class="offer-who">
          {who}
        </h2>
        {customer.name && <span class="offer-phone">{customer.phone}</span>}
        <span class="offer-left">
          {t('offer_time_left', String(left))}
        </span>
      </header>
      <p class="offer-text" dir="auto">
        {first && text && <PreviewText id={first.id} text={first.text} region={offer.interaction.region} />}
        {pictures && (text ? ` (${pictures})` : pictures)}
      </p>
      <ErrorAlert message={error} />
      <OfferAnswers busy={busy} onAccept={onAccept} onReject={onReject} />
    </article>
  );
}
