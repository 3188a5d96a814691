import { computed, signal } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/**
 * The interactions assigned to the agent, their unsent drafts, and the actions on them (reply,
 * mark done). Later issues add transfer, disposition and the list of several open interactions.
 */
export function createInteractionsModel(link: BackgroundLink, agent: AgentModel) {
  const interactions = computed(() => agent.state.value?.interactions ?? []);
  const drafts = signal<ReadonlyMap<string, string>>(new Map());
  const actions = createActionTracker();

  const setDraft = (interactionId: string, text: string) => {
    const next = new Map(drafts.value);
    if (text) next.set(interactionId, text);
    else next.delete(interactionId);
    drafts.value = next;
  };

  return {
    interactions,
    drafts,
    busy: actions.busy,
    errors: actions.errors,
    setDraft,
    async reply(interactionId: string) {
      const text = drafts.value.get(interactionId) ?? '';
      if (!text.trim()) return false;
      const sent = await actions.run(interactionId, () => runCommand(link, { name: 'reply', interactionId, text }));
      if (sent) setDraft(interactionId, '');
      return sent;
    },
    markDone: (interactionId: string) => actions.run(interactionId, () => runCommand(link, { name: 'markDone', interactionId })),
  };
}

export type InteractionsModel = ReturnType<typeof createInteractionsModel>;
