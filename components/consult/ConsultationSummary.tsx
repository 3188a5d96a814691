import { t } from '@/lib/i18n/t';
import type { Consultation } from '@/lib/protocol';
import { TranscriptPreviewEntry } from '../transcript/TranscriptPreviewEntry';

/** What a consulted colleague sees of the interaction: who the customer is, and what was said. */
export function ConsultationSummary({ consultation, locale }: { consultation: Consultation; locale: string }) {
  const { customer, mode, queue, excerpt } = consultation.summary;
  return (
    <div class="consult-summary">
      <p class="consult-about">
        <strong>{t('consult_about', customer.name ?? customer.phone)}</strong>
        {customer.name && <span class="phone"> {customer.phone}</span>}
        <span class="mode"> · {mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session')} · {queue}</span>
      </p>
      <div class="transcript preview" role="log" aria-label={t('consult_excerpt_label')} tabIndex={0}>
        <ol>
          {excerpt.map((entry) => (
            <TranscriptPreviewEntry key={entry.id} entry={entry} customer={customer} locale={locale} />
          ))}
        </ol>
      </div>
    </div>
  );
}
