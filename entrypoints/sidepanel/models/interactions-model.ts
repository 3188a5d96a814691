import { computed, effect, signal } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/**
 * The interactions assigned to the agent, their unsent drafts (kept per interaction across tab
 * switches; persisted by view-store), and the actions on them (reply, mark done).
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

  // A draft leaves with its interaction (closed, transferred); not while the state is unknown.
  effect(() => {
    const state = agent.state.value;
    if (!state) return;
    const open = new Set(state.interactions.map((i) => i.id));
    if ([...drafts.value.keys()].some((id) => !open.has(id))) {
      drafts.value = new Map([...drafts.value].filter(([id]) => open.has(id)));
    }
  });

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
    /** Sends a reply that was not delivered again (a new attempt). */
    resend: (interactionId: string, entryId: string) => actions.run(interactionId, () => runCommand(link, { name: 'resend', interactionId, entryId })),
  };
}

export type InteractionsModel = ReturnType<typeof createInteractionsModel>;
