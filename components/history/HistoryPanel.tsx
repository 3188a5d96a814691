import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ContactHistory, TranscriptEntry } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';
import { HistoryActivities } from './HistoryActivities';
import { HistoryConsent } from './HistoryConsent';
import { HistoryItemView } from './HistoryItemView';

export interface HistoryView {
  history: ContactHistory | null;
  /** Where the shown copy came from; `cache` while the server has not answered (or cannot). */
  source: 'cache' | 'server' | 'none';
  /** When the cached copy was stored (local time). */
  savedAt?: number;
  refreshing: boolean;
  /** The server could not be asked: the copy shown is the saved one. */
  offline: boolean;
  error?: string;
  /** A search that ran on the saved copy only (no connection). */
  searchedLocally?: boolean;
}

interface Props {
  view: HistoryView | undefined;
  /** The interaction being handled: not listed as history. */
  currentInteractionId: string;
  locale: string;
  dispositionLabel: (code: string) => string;
  transcripts: ReadonlyMap<string, { entries?: TranscriptEntry[]; loading: boolean; error?: string }>;
  onSearch: (text: string) => void;
  onShowTranscript: (interactionId: string) => void;
  onHideTranscript: (interactionId: string) => void;
}

/** The contact's history: saved copy at once, then the server's; searchable; readable offline. */
export function HistoryPanel({ view, currentInteractionId, locale, dispositionLabel, transcripts, onSearch, onShowTranscript, onHideTranscript }: Props) {
  const [text, setText] = useState('');
  const history = view?.history ?? null;
  const items = history?.interactions.filter((item) => item.id !== currentInteractionId) ?? [];
  const contactName = history && !history.contact.unknown && history.contact.name ? history.contact.name : undefined;
  let status = '';
  if (!view || (!history && view.refreshing)) status = t('history_loading');
  else if (view.searchedLocally) status = t('history_searched_locally');
  else if (view.offline && view.savedAt !== undefined) status = t('history_offline_copy', formatDateTime(view.savedAt, locale));
  else if (view.offline) status = t('history_offline_empty');
  else if (view.refreshing && view.source === 'cache') status = t('history_refreshing');

  return (
    <section class="history" aria-label={t('history_label')}>
      <form
        class="history-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text);
        }}
      >
        <label class="field">
          <span>{t('history_search')}</span>
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button small">
          {t('history_search_button')}
        </button>
      </form>
      <p class="history-status-line" aria-live="polite">
        {status}
      </p>
      {view?.error && (
        <p class="alert" role="alert">
          {view.error}
        </p>
      )}
      {history && items.length === 0 && <p class="hint">{history.text ? t('history_no_match') : t('history_empty')}</p>}
      {items.length > 0 && (
        <ol class="history-list" aria-label={t('history_past_interactions')}>
          {items.map((item) => (
            <HistoryItemView
              key={item.id}
              item={item}
              contactName={contactName}
              locale={locale}
              dispositionLabel={dispositionLabel}
              transcript={transcripts.get(item.id)}
              onShowTranscript={() => onShowTranscript(item.id)}
              onHideTranscript={() => onHideTranscript(item.id)}
            />
          ))}
        </ol>
      )}
      {history && <HistoryConsent changes={history.consentChanges} locale={locale} />}
      {history && <HistoryActivities activities={history.activities} locale={locale} />}
    </section>
  );
}
