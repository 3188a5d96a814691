import { ConsultationPanel } from '@/components/consult/ConsultationPanel';
import { ConsultationSummary } from '@/components/consult/ConsultationSummary';
import type { Consultation } from '@/lib/protocol';
import type { AppModel } from './models/app-model';

/** A consultation the agent was asked into: what the interaction is about, and the conversation. */
export function ConsultationPane({ model, consultation, locale }: { model: AppModel; consultation: Consultation; locale: string }) {
  const { consult, agent } = model;
  const id = consultation.id;
  return (
    <section class="card consultation-pane" aria-label={consultation.summary.customer.name ?? consultation.summary.customer.phone}>
      <ConsultationSummary consultation={consultation} locale={locale} />
      <ConsultationPanel
        consultation={consultation}
        selfId={agent.state.value?.agent.id ?? ''}
        locale={locale}
        draft={consult.drafts.value.get(id) ?? ''}
        busy={consult.busy.value.has(id)}
        error={consult.errors.value.get(id)}
        onDraft={(text) => consult.setDraft(id, text)}
        onSend={() => void consult.send(id)}
        onEnd={() => void consult.end(id)}
      />
    </section>
  );
}
