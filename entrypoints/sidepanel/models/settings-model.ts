import { computed, signal } from '@preact/signals';
import type { BackgroundMessage } from '@/lib/messaging/panel-port';
import type { AgentSettings, ComposeSettings, Permission } from '@/lib/protocol';
import { DEFAULT_MAX_MESSAGES } from '@/lib/sms/count';

/** The message box before the first welcome, or from a server that predates the `compose` settings. */
const DEFAULT_COMPOSE: ComposeSettings = { maxMessages: DEFAULT_MAX_MESSAGES, spellingWarning: false };

/** The agent's permissions and configured settings, as the server sent them at the last welcome. */
export function createSettingsModel() {
  const settings = signal<AgentSettings | null>(null);
  const permissions = computed(() => new Set<Permission>(settings.value?.permissions ?? []));
  const compose = computed(() => settings.value?.compose ?? DEFAULT_COMPOSE);
  return {
    settings,
    compose,
    can: (permission: Permission) => permissions.value.has(permission),
    receive(message: BackgroundMessage) {
      if (message.type === 'sync') settings.value = message.settings;
    },
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
