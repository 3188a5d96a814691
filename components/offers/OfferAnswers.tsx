import { t } from '@/lib/i18n/t';

/** Accept and Reject under an offer (a new SMS or a colleague's transfer). */
export function OfferAnswers({ busy, onAccept, onReject }: { busy: boolean; onAccept: () => void; onReject: () => void }) {
  return (
    <div class="actions">
      <button type="button" class="button primary" disabled={busy} onClick={onAccept}>
        {t('offer_accept')}
      </button>
      <button type="button" class="button" disabled={busy} onClick={onReject}>
        {t('offer_reject')}
      </button>
    </div>
  );
}
