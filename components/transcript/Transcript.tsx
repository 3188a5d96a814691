import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Customer, TranscriptEntry } from '@/lib/protocol';
import { TranscriptEntryView } from './TranscriptEntryView';

/** The conversation so far, newest at the bottom, kept scrolled to the newest entry. */
export function Transcript({
  entries,
  customer,
  locale,
  selfId,
  interactionId,
}: {
  entries: readonly TranscriptEntry[];
  customer: Customer;
  locale: string;
  /** The signed-in agent: their own messages are marked "You". */
  selfId?: string | undefined;
  /** Entries merged in from another interaction (their `source` differs) are marked. */
  interactionId?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries.length]);
  return (
    <div class="transcript" role="log" aria-label={t('transcript_label')} ref={list} tabIndex={0}>
      <ol>
        {entries.map((entry) => (
          <TranscriptEntryView
            key={entry.id}
            entry={entry}
            customer={customer}
            locale={locale}
            selfId={selfId}
            merged={interactionId !== undefined && entry.source !== undefined && entry.source !== interactionId}
          />
        ))}
      </ol>
    </div>
  );
}
