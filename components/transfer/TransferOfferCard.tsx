import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import type { Offer } from '@/lib/protocol';
import { secondsLeft } from '@/lib/time/format';
import { ErrorAlert } from '../common/ErrorAlert';
import { OfferAnswers } from '../offers/OfferAnswers';
import { TranscriptPreviewEntry } from '../transcript/TranscriptPreviewEntry';

interface Props {
  offer: Offer & { transfer: NonNullable<Offer['transfer']> };
  serverNow: TickingTime;
  locale: string;
  selfId: string | undefined;
  busy: boolean;
  error: string | undefined;
  onAccept: () => void;
  onReject: () => void;
}

/** A colleague's instant transfer: who sends it, the customer, the transcript so far, Accept / Reject. */
export function TransferOfferCard({ offer, serverNow, locale, selfId, busy, error, onAccept, onReject }: Props) {
  const { customer, transcript } = offer.interaction;
  const titleId = `offer-${offer.interaction.id}`;
  return (
    <article class="card offer transfer-offer" aria-labelledby={titleId}>
      <header class="offer-head">
        <h2 id={titleId} class="offer-who">
          {customer.name ?? customer.phone}
        </h2>
        {customer.name && <span class="offer-phone">{customer.phone}</span>}
        <span class="offer-left">{t('offer_time_left', String(secondsLeft(offer.expiresAt, serverNow.value)))}</span>
      </header>
      <p class="transfer-from">{t('transfer_from', offer.transfer.from.name)}</p>
      <div class="transcript preview" role="log" aria-label={t('transfer_transcript_label')} tabIndex={0}>
        <ol>
          {transcript.map((entry) => (
            <TranscriptPreviewEntry key={entry.id} entry={entry} customer={customer} locale={locale} selfId={selfId} region={offer.interaction.region} />
          ))}
        </ol>
      </div>
      <ErrorAlert message={error} />
      <OfferAnswers busy={busy} onAccept={onAccept} onReject={onReject} />
    </article>
  );
}
