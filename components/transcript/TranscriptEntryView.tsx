import { t } from '@/lib/i18n/t';
import type { Customer, TranscriptEntry } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { partyOf, systemEntryText } from './parties';

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

const PARTY_TAG = { customer: 'session_party_customer', me: 'session_party_me', agent: 'session_party_agent' } as const;

/**
 * One transcript entry: a message (sender, whose side, time, text) or a system event in words.
 * Each party has its own class (colour, alignment) and a visible label, so colour is never the
 * only cue. `selfId` tells the agent's own messages from colleagues'; `merged` marks an entry
 * merged in from another interaction.
 */
export function TranscriptEntryView({
  entry,
  customer,
  locale,
  selfId,
  merged = false,
}: {
  entry: TranscriptEntry;
  customer: Customer;
  locale: string;
  selfId?: string | undefined;
  merged?: boolean;
}) {
  const time = (
    <time class="at" dateTime={new Date(entry.at).toISOString()}>
      {formatClockTime(entry.at, locale)}
    </time>
  );
  const source = merged ? <span class="merged-source">{` · ${t('merge_from_other')}`}</span> : null;
  if (entry.kind === 'system') {
    const { key, args } = systemEntryText(entry);
    return (
      <li class="entry system party-system">
        <span class="system-icon" aria-hidden="true">
          i
        </span>
        <span class="visually-hidden">{t('transcript_system')}: </span>
        {time}
        {source} <span>{t(key, ...args)}</span>
      </li>
    );
  }
  const party = partyOf(entry, selfId);
  return (
    <li class={`entry message ${entry.direction} party-${party}`}>
      <div class="meta">
        <span class="sender">{senderName(entry, customer)}</span>
        {party !== 'system' && <span class="party-tag">{t(PARTY_TAG[party])}</span>} {time}
        {source}
      </div>
      {/* Customer text is data: rendered as a text node, never as markup. */}
      <p class="text" dir="auto">
        {entry.text}
      </p>
    </li>
  );
}
