import { computed, signal } from '@preact/signals';
import { applyEvent } from '@/lib/agent-state/reduce';
import type { BackgroundMessage } from '@/lib/messaging/panel-port';
import type { AgentState, AgentStatus } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { runCommand } from './run-command';

/**
 * The server's picture of this agent (status, channels, offers, interactions), kept with the same
 * reducer as the background so both always agree; and the status action.
 */
export function createAgentModel(link: BackgroundLink) {
  const state = signal<AgentState | null>(null);
  const status = computed(() => state.value?.status ?? 'not_ready');
  const channels = computed(() => state.value?.channels ?? []);
  const statusError = signal<string | null>(null);
  const statusPending = signal<AgentStatus | null>(null);

  return {
    state,
    status,
    channels,
    statusError,
    statusPending,
    async setStatus(next: AgentStatus) {
      if (statusPending.value) return;
      statusPending.value = next;
      statusError.value = null;
      const outcome = await runCommand(link, { name: 'setStatus', status: next });
      statusPending.value = null;
      if (!outcome.ok) statusError.value = outcome.message;
    },
    receive(message: BackgroundMessage) {
      if (message.type === 'sync') state.value = message.state;
      else if (message.type === 'event' && state.value) state.value = applyEvent(state.value, message.event);
    },
  };
}

export type AgentModel = ReturnType<typeof createAgentModel>;
