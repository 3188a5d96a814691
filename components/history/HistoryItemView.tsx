import { t } from '@/lib/i18n/t';
import type { Customer, HistoryInteraction, TranscriptEntry } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';
import { PreviewText } from '../transcript/PreviewText';
import { TranscriptPreviewEntry } from '../transcript/TranscriptPreviewEntry';

interface Props {
  item: HistoryInteraction;
  /** The contact's name (absent for an unknown contact): transcripts name the customer with it. */
  contactName?: string | undefined;
  locale: string;
  dispositionLabel: (code: string) => string;
  transcript: { entries?: TranscriptEntry[]; loading: boolean; error?: string } | undefined;
  onShowTranscript: () => void;
  onHideTranscript: () => void;
}

/** One past (or open) interaction: when, which number, mode, agent, disposition, note; the transcript on demand. */
export function HistoryItemView({ item, contactName, locale, dispositionLabel, transcript, onShowTranscript, onHideTranscript }: Props) {
  const customer: Customer = { phone: item.phone, ...(contactName ? { name: contactName } : {}) };
  const status = item.open ? t('history_in_progress') : item.mergedInto ? t('history_merged') : null;
  return (
    <li class="history-item">
      <div class="history-line">
        <time dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt, locale)}</time>
        <span>{item.phone}</span>
        <span>{item.mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session')}</span>
        {item.agentName && <span>{item.agentName}</span>}
        {status && <span class="history-status">{status}</span>}
      </div>
      {item.preview && (
        <p class="history-preview" dir="auto">
          <PreviewText id={`history:${item.id}`} text={item.preview} />
        </p>
      )}
      {item.disposition && <p class="history-disposition">{t('history_disposition', dispositionLabel(item.disposition))}</p>}
      {item.note && (
        <p class="history-note" dir="auto">
          {t('history_note', item.note)}
        </p>
      )}
      {item.entryCount > 0 &&
        (transcript ? (
          <button type="button" class="button quiet small" aria-expanded="true" onClick={onHideTranscript}>
            {t('history_hide_transcript')}
          </button>
        ) : (
          <button type="button" class="button quiet small" aria-expanded="false" onClick={onShowTranscript}>
            {t('history_show_transcript')}
          </button>
        ))}
      {transcript && (
        <div class="history-transcript" role="log" aria-label={t('history_transcript_label')} aria-busy={transcript.loading}>
          {transcript.error && <p class="alert">{transcript.error}</p>}
          <ol>
            {(transcript.entries ?? []).map((entry) => (
              <TranscriptPreviewEntry key={entry.id} entry={entry} customer={customer} locale={locale} />
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
