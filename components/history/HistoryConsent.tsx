import { t } from '@/lib/i18n/t';
import type { HistoryConsentChange } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';

/** How one change of consent reads: who or what, which keyword or agent, which numbers. */
function changeText(change: HistoryConsentChange): string {
  const numbers = change.scope === '*' ? t('history_consent_whole_centre') : change.scope;
  if (change.via === 'carrier') return t('history_consent_opted_out_carrier', numbers, change.carrierCode ?? '');
  if (change.via === 'agent') {
    return change.optedOut
      ? t('history_consent_opted_out_agent', change.agentName ?? '', numbers)
      : t('history_consent_opted_in_agent', change.agentName ?? '', numbers);
  }
  return change.optedOut ? t('history_consent_opted_out_keyword', numbers, change.keyword ?? '') : t('history_consent_opted_in_keyword', numbers, change.keyword ?? '');
}

/** Every change of the contact's consent to texts, newest first: the proof kept for a regulator. */
export function HistoryConsent({ changes, locale }: { changes: readonly HistoryConsentChange[] | undefined; locale: string }) {
  if (!changes || changes.length === 0) return null;
  return (
    <section class="history-consent" aria-label={t('history_consent_heading')}>
      <h4>{t('history_consent_heading')}</h4>
      <ul>
        {changes.map((change) => (
          <li key={change.id}>
            <time dateTime={new Date(change.at).toISOString()}>{formatDateTime(change.at, locale)}</time> <span class="phone">{change.phone}</span>
            {' · '}
            {changeText(change)}
          </li>
        ))}
      </ul>
    </section>
  );
}
