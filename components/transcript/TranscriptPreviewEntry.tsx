import { t } from '@/lib/i18n/t';
import type { Customer, TranscriptEntry } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { senderName, systemText } from './entry-text';
import { mediaName } from './media-name';
import { PreviewText } from './PreviewText';
import { PARTY_TAG, partyOf } from './parties';

interface Props {
  entry: TranscriptEntry;
  customer: Customer;
  locale: string;
  selfId?: string | undefined;
  /** How national numbers in the text are read (the interaction's region). */
  region?: string | undefined;
}

/**
 * One entry of a transcript the agent does not handle yet (a transfer offer, a consultation's
 * excerpt): read-only. Text stays plain (no call or email can be started on an interaction that
 * is not theirs; links show their real address and warnings but do not open) and images are
 * named, not shown (their links are signed for the owner only).
 */
export function TranscriptPreviewEntry({ entry, customer, locale, selfId, region }: Props) {
  const time = (
    <time class="at" dateTime={new Date(entry.at).toISOString()}>
      {formatClockTime(entry.at, locale)}
    </time>
  );
  if (entry.kind === 'system') {
    return (
      <li class={`entry system party-system ${entry.code}`}>
        <span class="system-icon" aria-hidden="true">
          i
        </span>
        <span class="visually-hidden">{t('transcript_sender_label', t('transcript_system'))} </span>
        {time} <span>{systemText(entry)}</span>
      </li>
    );
  }
  const party = partyOf(entry, selfId);
  const images = (entry.media ?? []).map((file, i) => t('transcript_copy_image', mediaName(file, i + 1)));
  return (
    <li class={`entry message ${entry.direction} party-${party}`}>
      <div class="meta">
        <span class="sender">{senderName(entry, customer)}</span>
        {party !== 'system' && <span class="party-tag">{t(PARTY_TAG[party])}</span>} {time}
      </div>
      {/* Customer text is data: a text node, never markup. */}
      <p class="text" dir="auto">
        <PreviewText id={entry.id} text={entry.text} region={region} />
        {images.length > 0 && <span class="preview-images"> {images.join(' ')}</span>}
      </p>
    </li>
  );
}
