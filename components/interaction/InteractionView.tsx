import type { Interaction } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { ComposeBox } from '../compose/ComposeBox';
import type { ComposeTools } from '../compose/tools';
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
  /** Counter, spelling and standard responses for the message box. */
  compose: ComposeTools;
}

/** One accepted interaction: header, transcript, reply box; room for transfer, disposition… later. */
export function InteractionView({ interaction, serverNow, locale, draft, busy, error, onDraft, onSend, onMarkDone, compose }: Props) {
  const headingId = `interaction-${interaction.id}`;
  return (
    <section class="card interaction" aria-labelledby={headingId}>
      <InteractionHeader interaction={interaction} serverNow={serverNow} headingId={headingId} />
      <Transcript entries={interaction.transcript} customer={interaction.customer} locale={locale} />
      <ErrorAlert message={error} />
      <ComposeBox
        boxId={interaction.id}
        draft={draft}
        busy={busy}
        tools={compose}
        onDraft={onDraft}
        onSend={onSend}
        onMarkDone={onMarkDone}
      />
    </section>
  );
}
