import { useContext } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Interaction, MessageMedia, TranscriptEntry } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { DeliveryBadge } from './DeliveryBadge';
import { entityCacheFor } from './entity-caches';
import { senderName, systemText } from './entry-text';
import { MediaThumbnails } from './MediaThumbnails';
import { MessageText } from './MessageText';
import { PARTY_TAG, partyOf } from './parties';
import { TranscriptContext } from './transcript-context';

interface Props {
  entry: TranscriptEntry;
  interaction: Interaction;
  /** The signed-in agent: their messages read "You", colleagues' "Agent". */
  selfId?: string | undefined;
  onOpenImage: (media: MessageMedia, opener: HTMLElement) => void;
}

/**
 * One transcript entry: a message (sender, whose side, time, text with its links, images) or a
 * system line. Each party has its own class (colour, alignment) and a visible label, so colour is
 * never the only cue.
 */
export function TranscriptEntryView({ entry, interaction, selfId, onOpenImage }: Props) {
  const services = useContext(TranscriptContext);
  const time = (
    <time class="at" dateTime={new Date(entry.at).toISOString()}>
      {formatClockTime(entry.at, services.locale)}
    </time>
  );
  // Merged in from another interaction (issue 6): marked as such.
  const merged = entry.source !== undefined && entry.source !== interaction.id;
  const source = merged ? <span class="merged-source">{` · ${t('merge_from_other')}`}</span> : null;
  if (entry.kind === 'system') {
    return (
      <div class={`entry system party-system ${entry.code}`}>
        <span class="system-icon" aria-hidden="true">
          i
        </span>
        <span class="visually-hidden">{t('transcript_sender_label', t('transcript_system'))} </span>
        {time}
        {source} <span>{systemText(entry)}</span>
      </div>
    );
  }
  const party = partyOf(entry, selfId);
  const entities = entry.text === '' ? [] : entityCacheFor(interaction.region).entitiesOf(entry.id, entry.text);
  return (
    <div class={`entry message ${entry.direction} party-${party}`}>
      <div class="meta">
        <span class="sender">{senderName(entry, interaction.customer)}</span>
        {party !== 'system' && <span class="party-tag">{t(PARTY_TAG[party])}</span>} {time}
        {source}
      </div>
      {entry.text !== '' && (
        // Customer text is data: MessageText renders text nodes only, never markup.
        <p class="text" dir="auto">
          <MessageText
            text={entry.text}
            entities={entities}
            onDial={(e164) => services.dial(interaction, e164)}
            onEmail={(address) => services.email(interaction, address)}
          />
        </p>
      )}
      {entry.media && entry.media.length > 0 && <MediaThumbnails interactionId={interaction.id} media={entry.media} onOpen={onOpenImage} />}
      {entry.direction === 'out' && (entry.segments ?? 1) > 1 && <p class="sent-as">{t('compose_sent_as', String(entry.segments))}</p>}
      {entry.direction === 'out' && entry.delivery && (
        <DeliveryBadge delivery={entry.delivery} onResend={() => services.resend(interaction.id, entry.id)} />
      )}
    </div>
  );
}
