import type { ComponentChildren } from 'preact';
import type { Interaction } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { ComposeBox } from '../compose/ComposeBox';
import { EndedSession } from '../interactions/EndedSession';
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
  /** The signed-in agent's id: their messages read "You", colleagues' "Agent". */
  selfId?: string | undefined;
  /** Between header and transcript: transfer / consult toolbar, session timer, transfer status. */
  tools?: ComponentChildren;
  /** After the transcript: the consultation and Team Communicator. */
  aside?: ComponentChildren;
}

/**
 * One accepted interaction: header, tools (transfer, consult, session timer), transcript, side
 * conversation, reply box — or, once a session ended by inactivity, only Mark Done.
 */
export function InteractionView({ interaction, serverNow, locale, draft, busy, error, onDraft, onSend, onMarkDone, selfId, tools, aside }: Props) {
  const headingId = `interaction-${interaction.id}`;
  return (
    <section class="card interaction" aria-labelledby={headingId}>
      <InteractionHeader interaction={interaction} serverNow={serverNow} headingId={headingId} locale={locale} />
      {tools}
      <Transcript interaction={interaction} selfId={selfId} />
      {aside}
      <ErrorAlert message={error} />
      {interaction.ended ? (
        <EndedSession busy={busy} onMarkDone={onMarkDone} />
      ) : (
        <ComposeBox draft={draft} busy={busy} onDraft={onDraft} onSend={onSend} onMarkDone={onMarkDone} />
      )}
    </section>
  );
}
