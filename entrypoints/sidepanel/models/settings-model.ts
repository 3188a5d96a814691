import { computed, signal } from '@preact/signals';
import type { BackgroundMessage } from '@/lib/messaging/panel-port';
import type { AgentSettings, Permission } from '@/lib/protocol';

/** The agent's permissions and configured settings, as the server sent them at the last welcome. */
export function createSettingsModel() {
  const settings = signal<AgentSettings | null>(null);
  const permissions = computed(() => new Set<Permission>(settings.value?.permissions ?? []));
  return {
    settings,
    can: (permission: Permission) => permissions.value.has(permission),
    receive(message: BackgroundMessage) {
      if (message.type === 'sync') settings.value = message.settings;
    },
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
