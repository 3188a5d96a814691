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
}

/** One accepted interaction: header, transcript, reply box; room for transfer, disposition… later. */
export function InteractionView({ interaction, serverNow, locale, draft, busy, error, onDraft, onSend, onMarkDone }: Props) {
  const headingId = `interaction-${interaction.id}`;
  return (
    <section class="card interaction" aria-labelledby={headingId}>
      <InteractionHeader interaction={interaction} serverNow={serverNow} headingId={headingId} locale={locale} />
      <Transcript interaction={interaction} />
      <ErrorAlert message={error} />
      <ComposeBox draft={draft} busy={busy} onDraft={onDraft} onSend={onSend} onMarkDone={onMarkDone} />
    </section>
  );
}
