import { signal } from '@preact/signals';
import type { TransferTarget } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** Instant transfers the agent asks for, and the failure messages they have dismissed. */
export function createTransferModel(link: BackgroundLink) {
  const actions = createActionTracker();
  const dismissed = signal<ReadonlySet<string>>(new Set());
  return {
    busy: actions.busy,
    errors: actions.errors,
    dismissed,
    transfer: (interactionId: string, target: TransferTarget) =>
      actions.run(interactionId, () => runCommand(link, { name: 'transfer', interactionId, target })),
    dismiss(transferId: string) {
      dismissed.value = new Set([...dismissed.value, transferId]);
    },
  };
}

export type TransferModel = ReturnType<typeof createTransferModel>;
