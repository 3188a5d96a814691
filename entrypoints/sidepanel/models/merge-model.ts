import type { CommandOf } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** Merging another interaction of the same contact (or a call/email activity) into this one. */
export function createMergeModel(link: BackgroundLink) {
  const actions = createActionTracker();
  return {
    busy: actions.busy,
    errors: actions.errors,
    merge: (interactionId: string, source: CommandOf<'mergeInteractions'>['source']) =>
      actions.run(`merge:${interactionId}`, () => runCommand(link, { name: 'mergeInteractions', interactionId, source })),
  };
}

export type MergeModel = ReturnType<typeof createMergeModel>;
