import { computed } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** Offers waiting for the agent's answer, oldest first, and Accept / Reject. */
export function createOffersModel(link: BackgroundLink, agent: AgentModel) {
  const offers = computed(() => agent.state.value?.offers ?? []);
  const actions = createActionTracker();
  return {
    offers,
    busy: actions.busy,
    errors: actions.errors,
    accept: (interactionId: string) => actions.run(interactionId, () => runCommand(link, { name: 'accept', interactionId })),
    reject: (interactionId: string) => actions.run(interactionId, () => runCommand(link, { name: 'reject', interactionId })),
  };
}

export type OffersModel = ReturnType<typeof createOffersModel>;
