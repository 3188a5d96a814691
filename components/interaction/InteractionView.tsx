import type { ComponentChildren } from 'preact';
import type { Interaction } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { ComposeBox } from '../compose/ComposeBox';
import { Transcript } from '../transcript/Transcript';
import { InteractionHeader } from './InteractionHeader';

interface Props {
  interaction: Interaction;
  serverNow: number;
  locale: string;
  draft: string;
  busy: boolean;
  error: string | undefined;
  onDraft: (text: string) => void;
  onSend: () => void;
  onMarkDone: () => void;
  /** Under the header: connection state, contact counts and the participant's actions. */
  participants?: ComponentChildren;
  /** Under the transcript: wrap-up, case data, contact and history. */
  details?: ComponentChildren;
  /** Why Mark Done (and a page-mode Send) must wait. */
  completionBlocked?: string | undefined;
}

/** One accepted interaction: header, transcript, reply box; room for transfer, disposition… later. */
export function InteractionView({ interaction, serverNow, locale, draft, busy, error, onDraft, onSend, onMarkDone, participants, details, completionBlocked }: Props) {
  const headingId = `interaction-${interaction.id}`;
  return (
    <section class="card interaction" aria-labelledby={headingId}>
      <InteractionHeader interaction={interaction} serverNow={serverNow} headingId={headingId} />
      {participants}
      <Transcript entries={interaction.transcript} customer={interaction.customer} locale={locale} interactionId={interaction.id} />
      {details}
      <ErrorAlert message={error} />
      <ComposeBox
        draft={draft}
        busy={busy}
        onDraft={onDraft}
        onSend={onSend}
        onMarkDone={onMarkDone}
        completionBlocked={completionBlocked}
        sendCompletes={interaction.mode === 'page'}
      />
    </section>
  );
}
