import type { TickingTime } from '../common/ticking-time';
import type { ComponentChildren } from 'preact';
import type { Interaction } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { ComposeBox } from '../compose/ComposeBox';
import { RefusedComposeBox } from '../consent/RefusedComposeBox';
import type { ComposeTools } from '../compose/tools';
import { EndedSession } from '../interactions/EndedSession';
import { Transcript } from '../transcript/Transcript';
import { InteractionHeader } from './InteractionHeader';

interface Props {
  interaction: Interaction;
  serverNow: TickingTime;
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
  /** Under the header: connection state, contact counts and the participant's actions. */
  participants?: ComponentChildren;
  /** Under the reply box (the transcript and the reply stay together): wrap-up, case data, contact and history. */
  details?: ComponentChildren;
  /** Why Mark Done (and a page-mode Send) must wait. */
  completionBlocked?: string | undefined;
  /** Counter, spelling and standard responses for the message box. */
  compose: ComposeTools;
  /** The server is out of reach (what the agent sends now waits for it). */
  disconnected?: boolean;
  /** Under the transcript: the "looks like an opt-out" banner (docs/consent.md). */
  consentBanner?: ComponentChildren;
}

/**
 * One accepted interaction: header, participants (contact state and actions), tools (transfer,
 * consult, session timer), transcript, side conversation, reply box — or, once a session ended by
 * inactivity, only Mark Done — then the details (wrap-up, case data, history).
 */
export function InteractionView(props: Props) {
  const { interaction, serverNow, locale, draft, busy, error, onDraft, onSend, onMarkDone, selfId, tools, aside, participants, details, completionBlocked, compose, disconnected, consentBanner } = props;
  const headingId = `interaction-${interaction.id}`;
  return (
    <section class="card interaction" aria-labelledby={headingId}>
      <InteractionHeader interaction={interaction} serverNow={serverNow} headingId={headingId} locale={locale} />
      {participants}
      {tools}
      <Transcript interaction={interaction} selfId={selfId} />
      {consentBanner}
      {aside}
      <ErrorAlert message={error} />
      {interaction.ended ? (
        <EndedSession busy={busy} onMarkDone={onMarkDone} completionBlocked={completionBlocked} />
      ) : interaction.consent?.optedOut ? (
        <RefusedComposeBox busy={busy} onMarkDone={onMarkDone} completionBlocked={completionBlocked} />
      ) : (
        <ComposeBox
          boxId={interaction.id}
          draft={draft}
          busy={busy}
          tools={compose}
          onDraft={onDraft}
          onSend={onSend}
          onMarkDone={onMarkDone}
          completionBlocked={completionBlocked}
          sendCompletes={interaction.mode === 'page'}
          disconnected={disconnected}
        />
      )}
      {details}
    </section>
  );
}
