import { useContext } from 'preact/hooks';
import type { Interaction, MessageMedia, TranscriptEntry } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { entityCacheFor } from './entity-caches';
import { senderName, systemText } from './entry-text';
import { MediaThumbnails } from './MediaThumbnails';
import { MessageText } from './MessageText';
import { TranscriptContext } from './transcript-context';

interface Props {
  entry: TranscriptEntry;
  interaction: Interaction;
  onOpenImage: (media: MessageMedia, opener: HTMLElement) => void;
}

/** One transcript entry: a message (sender, time, text with its links, images) or a system line. */
export function TranscriptEntryView({ entry, interaction, onOpenImage }: Props) {
  const services = useContext(TranscriptContext);
  const time = (
    <time class="at" dateTime={new Date(entry.at).toISOString()}>
      {formatClockTime(entry.at, services.locale)}
    </time>
  );
  if (entry.kind === 'system') {
    return (
      <div class={`entry system ${entry.code}`}>
        {time} <span>{systemText(entry)}</span>
      </div>
    );
  }
  const entities = entry.text === '' ? [] : entityCacheFor(interaction.region).entitiesOf(entry.id, entry.text);
  return (
    <div class={`entry message ${entry.direction}`}>
      <div class="meta">
        <span class="sender">{senderName(entry, interaction.customer)}</span> {time}
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
    </div>
  );
}
