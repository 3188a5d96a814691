import { signal } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** Opt-outs the agent records from the "looks like an opt-out" banner, and the banners dismissed (by message). */
export function createConsentModel(link: BackgroundLink) {
  const actions = createActionTracker();
  const dismissed = signal<ReadonlySet<string>>(new Set());
  return {
    busy: actions.busy,
    errors: actions.errors,
    dismissed,
    recordOptOut: (interactionId: string) => actions.run(interactionId, () => runCommand(link, { name: 'recordOptOut', interactionId })),
    dismiss(entryId: string) {
      dismissed.value = new Set([...dismissed.value, entryId]);
    },
  };
}

export type ConsentModel = ReturnType<typeof createConsentModel>;
