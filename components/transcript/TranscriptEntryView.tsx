import { t, type MessageKey } from '@/lib/i18n/t';
import type { Customer, TranscriptEntry } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';

function senderName(entry: Extract<TranscriptEntry, { kind: 'message' }>, customer: Customer): string {
  switch (entry.author.role) {
    case 'customer':
      return customer.name ?? customer.phone;
    case 'agent':
      return entry.author.name;
    case 'system':
      return t('transcript_system');
  }
}

/** One transcript entry: a message (sender, time, text) or a system event in words. */
export function TranscriptEntryView({
  entry,
  customer,
  locale,
  merged = false,
}: {
  entry: TranscriptEntry;
  customer: Customer;
  locale: string;
  /** Merged in from another interaction: says so beside the time. */
  merged?: boolean;
}) {
  const time = (
    <time class="at" dateTime={new Date(entry.at).toISOString()}>
      {formatClockTime(entry.at, locale)}
    </time>
  );
  const source = merged ? <span class="merged-source">{` · ${t('merge_from_other')}`}</span> : null;
  if (entry.kind === 'system') {
    const key = `system_${entry.code}` as MessageKey;
    return (
      <li class="entry system">
        {time}
        {source} <span>{t(key, entry.params.name ?? '')}</span>
      </li>
    );
  }
  return (
    <li class={`entry message ${entry.direction}`}>
      <div class="meta">
        <span class="sender">{senderName(entry, customer)}</span> {time}
        {source}
      </div>
      {/* Customer text is data: rendered as a text node, never as markup. */}
      <p class="text" dir="auto">
        {entry.text}
      </p>
    </li>
  );
}
