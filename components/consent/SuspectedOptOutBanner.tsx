import './consent.css';
import { t } from '@/lib/i18n/t';

interface Props {
  busy: boolean;
  onRecord: () => void;
  onDismiss: () => void;
}

/** A customer message contains an opt-out word but says more: the agent decides, in one click. */
export function SuspectedOptOutBanner({ busy, onRecord, onDismiss }: Props) {
  return (
    <div class="consent-banner" role="alert">
      <p>{t('consent_suspected')}</p>
      <div class="actions">
        <button type="button" class="button primary small" disabled={busy} onClick={onRecord}>
          {t('consent_record_opt_out')}
        </button>
        <button type="button" class="button quiet small" onClick={onDismiss}>
          {t('consent_not_opt_out')}
        </button>
      </div>
    </div>
  );
}
