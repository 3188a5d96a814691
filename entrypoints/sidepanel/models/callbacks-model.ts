import { computed } from '@preact/signals';
import { agentTimeZone } from '@/lib/time/zoned';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** The agent's scheduled callbacks (from the server's state) and schedule / move / cancel. */
export function createCallbacksModel(link: BackgroundLink, agent: AgentModel) {
  const callbacks = computed(() => agent.state.value?.callbacks ?? []);
  const actions = createActionTracker();
  return {
    callbacks,
    busy: actions.busy,
    errors: actions.errors,
    schedule: (interactionId: string, dueAt: number, phone: string, note: string) =>
      actions.run(`schedule:${interactionId}`, () =>
        runCommand(link, { name: 'scheduleCallback', interactionId, dueAt, phone, note, timeZone: agentTimeZone() }),
      ),
    move: (callbackId: string, dueAt: number) =>
      actions.run(callbackId, () => runCommand(link, { name: 'moveCallback', callbackId, dueAt, timeZone: agentTimeZone() })),
    cancel: (callbackId: string) => actions.run(callbackId, () => runCommand(link, { name: 'cancelCallback', callbackId })),
  };
}

export type CallbacksModel = ReturnType<typeof createCallbacksModel>;
