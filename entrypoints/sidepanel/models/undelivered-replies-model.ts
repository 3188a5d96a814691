import { computed } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/**
 * Replies that did not reach the customer after their interaction left the desk (page mode
 * closes on its reply), from the server's state; Resend and Dismiss, keyed by the reply's entry.
 */
export function createUndeliveredRepliesModel(link: BackgroundLink, agent: AgentModel) {
  const replies = computed(() => agent.state.value?.undeliveredReplies ?? []);
  const actions = createActionTracker();
  return {
    replies,
    busy: actions.busy,
    errors: actions.errors,
    resend: (interactionId: string, entryId: string) =>
      actions.run(entryId, () => runCommand(link, { name: 'resend', interactionId, entryId })),
    dismiss: (interactionId: string, entryId: string) =>
      actions.run(entryId, () => runCommand(link, { name: 'dismissUndeliveredReply', interactionId, entryId })),
  };
}

export type UndeliveredRepliesModel = ReturnType<typeof createUndeliveredRepliesModel>;
