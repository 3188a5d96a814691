import { computed, effect, signal } from '@preact/signals';
import type { DeskItem } from '@/components/interactions/InteractionTabs';
import type { BackgroundMessage } from '@/lib/messaging/panel-port';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';

/**
 * The agent's desk as tabs: the interactions they handle and the consultations they were asked
 * into, which one is shown, and the unread counts (kept by the background, which sees every
 * event). The panel tells the background what it shows while visible, so that it reads as read.
 */
export function createDeskModel(link: BackgroundLink, agent: AgentModel) {
  const unread = signal<Readonly<Record<string, number>>>({});
  /** The tab the agent chose; the first one is shown when it is gone. */
  const chosen = signal<string | null>(null);
  const visible = signal(document.visibilityState === 'visible');
  /**
   * The chosen tab is restored from storage after the panel opens; until then the first tab may
   * show for a moment, and reporting it as viewed would mark another tab's messages read.
   */
  const restored = signal(false);
  document.addEventListener('visibilitychange', () => {
    visible.value = document.visibilityState === 'visible';
  });

  const items = computed<DeskItem[]>(() => {
    const state = agent.state.value;
    if (!state) return [];
    return [
      ...state.interactions.map((interaction): DeskItem => ({ kind: 'interaction', key: interaction.id, interaction })),
      ...(state.consultations ?? [])
        .filter((c) => c.guest.agentId === state.agent.id)
        .map((consultation): DeskItem => ({ kind: 'consultation', key: consultation.id, consultation })),
    ];
  });
  const selected = computed(() => items.value.find((item) => item.key === chosen.value) ?? items.value[0] ?? null);
  const viewingKey = computed(() => (visible.value && restored.value ? (selected.value?.key ?? null) : null));

  const tellBackground = () => link.notify({ type: 'viewing', key: viewingKey.value });
  effect(tellBackground);

  return {
    items,
    selected,
    chosen,
    unread,
    select(key: string) {
      chosen.value = key;
    },
    /** The stored view (chosen tab) is loaded: what shows now is what the agent chose. */
    viewRestored() {
      restored.value = true;
    },
    receive(message: BackgroundMessage) {
      if (message.type === 'sync') {
        unread.value = message.unread;
        // A new port (the worker restarted): it does not know what this panel shows yet.
        tellBackground();
      } else if (message.type === 'unread') {
        unread.value = message.unread;
      }
    },
  };
}

export type DeskModel = ReturnType<typeof createDeskModel>;
