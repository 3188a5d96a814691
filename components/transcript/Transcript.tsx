import { useContext, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Interaction, MessageMedia } from '@/lib/protocol';
import { formatTranscriptCopy } from '@/lib/transcript/copy';
import { dayKey, formatDayLine } from '@/lib/time/day-line';
import { formatClockTime } from '@/lib/time/format';
import { ErrorAlert } from '../common/ErrorAlert';
import { copyLineOf } from './entry-text';
import { ImageViewer } from './ImageViewer';
import { mediaName } from './media-name';
import { TranscriptContext } from './transcript-context';
import { TranscriptEntryView } from './TranscriptEntryView';
import { TranscriptLog } from './TranscriptLog';

type Copied = 'copied' | 'failed' | null;
const COPIED_SHOWN_MS = 4000;

/** One opening of the viewer: each gets its own dialog (`serial` as key). */
interface Viewing {
  media: MessageMedia;
  name: string;
  opener: HTMLElement;
  serial: number;
}
let viewerSerial = 0;

/** Writes text to the clipboard; the old copy command is the fallback where the API is refused. */
async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const put = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', put, { once: true });
    const done = document.execCommand('copy');
    document.removeEventListener('copy', put);
    if (!done) throw new Error('copy refused');
  }
}

/**
 * The conversation: every entry with sender and time, links and numbers that act, MMS images that
 * open full size, a line where the day changes, and Copy (the button, or a selection across
 * entries) as plain text with names and times. Rendered through a windowed log, so 10,000 messages cost what a screenful does.
 */
export function Transcript({
  interaction,
  selfId,
}: {
  interaction: Interaction;
  /** The signed-in agent: their own messages are marked "You". */
  selfId?: string | undefined;
}) {
  const services = useContext(TranscriptContext);
  const entries = interaction.transcript;
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const mediaCount = entries.reduce((sum, entry) => sum + (entry.kind === 'message' ? (entry.media?.length ?? 0) : 0), 0);
  const clock = (at: number) => formatClockTime(at, services.locale);

  useEffect(() => (mediaCount > 0 ? services.watchMedia(interaction.id) : undefined), [mediaCount > 0, interaction.id]);
  useEffect(() => {
    if (mediaCount > 0) services.mediaChanged(interaction.id);
  }, [mediaCount]);

  // The status says it once and goes: left for minutes it reads as if the copy were still new.
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copyAll = () => {
    writeClipboard(formatTranscriptCopy(entries.map((entry) => copyLineOf(entry, interaction.customer)), clock)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div class="transcript-area">
      <div class="transcript-tools">
        <button type="button" class="button small" onClick={copyAll}>
          {t('transcript_copy')}
        </button>
        <span class="transcript-status" role="status">
          {copied === 'copied' ? t('transcript_copied') : copied === 'failed' ? t('transcript_copy_failed') : ''}
        </span>
      </div>
      <ErrorAlert message={services.contactError(interaction.id)} />
      <TranscriptLog
        label={t('transcript_label')}
        count={entries.length}
        keyOf={(index) => entries[index]!.id}
        renderRow={(index) => (
          <>
          {(index === 0 || dayKey(entries[index]!.at) !== dayKey(entries[index - 1]!.at)) && (
            <p class="day-line">
              <time dateTime={new Date(entries[index]!.at).toISOString().slice(0, 10)}>{formatDayLine(entries[index]!.at, Date.now(), services.locale, t)}</time>
            </p>
          )}
          <TranscriptEntryView
            entry={entries[index]!}
            interaction={interaction}
            selfId={selfId}
            onOpenImage={(media, opener) => {
              const message = entries[index]!;
              const position = message.kind === 'message' ? (message.media ?? []).indexOf(media) + 1 : 1;
              setViewing({ media, name: mediaName(media, position), opener, serial: ++viewerSerial });
            }}
          />
          </>
        )}
        onCopy={(event, rows) => {
          // Within one entry, the browser copies just the words selected; across entries, each
          // entry touched is copied whole, with its sender and time.
          if (rows.length < 2 || !event.clipboardData) return;
          const lines = rows.map((index) => copyLineOf(entries[index]!, interaction.customer));
          event.clipboardData.setData('text/plain', formatTranscriptCopy(lines, clock));
          event.preventDefault();
        }}
      />
      {viewing && (
        <ImageViewer
          key={viewing.serial}
          interactionId={interaction.id}
          media={viewing.media}
          name={viewing.name}
          onClose={() => {
            // A dialog's close event comes a moment after it closed: by then the agent may have
            // opened another image, which this must not close.
            setViewing((current) => (current?.serial === viewing.serial ? null : current));
            if (viewing.opener.isConnected) viewing.opener.focus();
          }}
        />
      )}
    </div>
  );
}
