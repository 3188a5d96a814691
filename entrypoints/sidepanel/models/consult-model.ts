import { computed, effect, signal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { BackgroundMessage } from '@/lib/messaging/panel-port';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import type { NoticesModel } from './notices-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/**
 * IM consultations: the ones the agent hosts (shown inside their interaction) and the ones they
 * were asked into (a tab of their own), drafts per consultation, and start / send / end.
 */
export function createConsultModel(link: BackgroundLink, agent: AgentModel, notices: NoticesModel) {
  const consultations = computed(() => agent.state.value?.consultations ?? []);
  const drafts = signal<ReadonlyMap<string, string>>(new Map());
  /** Keyed by consultation id, or by interaction id for the start. */
  const actions = createActionTracker();

  const setDraft = (consultationId: string, text: string) => {
    const next = new Map(drafts.value);
    if (text) next.set(consultationId, text);
    else next.delete(consultationId);
    drafts.value = next;
  };

  effect(() => {
    const state = agent.state.value;
    if (!state) return;
    const open = new Set((state.consultations ?? []).map((c) => c.id));
    if ([...drafts.value.keys()].some((id) => !open.has(id))) drafts.value = new Map([...drafts.value].filter(([id]) => open.has(id)));
  });

  return {
    consultations,
    drafts,
    busy: actions.busy,
    errors: actions.errors,
    setDraft,
    /** The open consultation the agent hosts on this interaction, if any. */
    hostedOn: (interactionId: string) =>
      consultations.value.find((c) => c.interactionId === interactionId && c.host.agentId === agent.state.value?.agent.id),
    start: (interactionId: string, agentId: string) =>
      actions.run(interactionId, () => runCommand(link, { name: 'startConsultation', interactionId, agentId })),
    async send(consultationId: string) {
      const text = drafts.value.get(consultationId) ?? '';
      if (!text.trim()) return false;
      const sent = await actions.run(consultationId, () => runCommand(link, { name: 'consultMessage', consultationId, text }));
      if (sent) setDraft(consultationId, '');
      return sent;
    },
    end: (consultationId: string) => actions.run(consultationId, () => runCommand(link, { name: 'endConsultation', consultationId })),
    /** Runs before the agent model applies the event: a colleague ending it is told in words. */
    receive(message: BackgroundMessage) {
      if (message.type !== 'event' || message.event.type !== 'consultationEnded') return;
      const { consultationId, endedBy } = message.event;
      const ended = consultations.value.find((c) => c.id === consultationId);
      const self = agent.state.value?.agent.id;
      if (!ended || !self || endedBy?.agentId === self) return;
      const other = ended.host.agentId === self ? ended.guest : ended.host;
      notices.push(t('consult_ended_notice', other.name), 'ok');
    },
  };
}

export type ConsultModel = ReturnType<typeof createConsultModel>;
