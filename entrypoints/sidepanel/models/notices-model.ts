import { effect, signal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { ConnectionPhase } from '@/lib/messaging/panel-port';
import type { MediaChannel } from '@/lib/protocol';
import type { SystemNotice } from '@/components/connection/SystemNotices';
import type { AgentModel } from './agent-model';
import type { ConnectionModel } from './connection-model';


const MAX_NOTICES = 20;
const channelName = (channel: MediaChannel) => t(`channel_${channel}`);

/**
 * System messages the agent must not miss: the connection to the server or a media channel was
 * lost, and when it is back. Derived from changes, so a panel opened later does not replay them.
 */
export function createNoticesModel(connection: ConnectionModel, agent: AgentModel) {
  const notices = signal<readonly SystemNotice[]>([]);
  let nextId = 1;
  const push = (text: string, tone: SystemNotice['tone']) => {
    notices.value = [...notices.value, { id: nextId++, at: Date.now(), text, tone }].slice(-MAX_NOTICES);
  };

  let lostConnection = false;
  let previousPhase: ConnectionPhase | null = null;
  effect(() => {
    const phase = connection.connection.value.phase;
    if (phase === previousPhase) return;
    const down = phase === 'reconnecting' || phase === 'offline';
    if (down && previousPhase === 'connected') {
      lostConnection = true;
      push(t('notice_connection_lost'), 'warning');
    } else if (phase === 'connected' && lostConnection) {
      lostConnection = false;
      push(t('notice_connection_back'), 'ok');
    } else if (phase === 'signed_out') {
      lostConnection = false;
      notices.value = [];
    }
    previousPhase = phase;
  });

  let previousChannels = new Map<MediaChannel, boolean>();
  effect(() => {
    const current = new Map(agent.channels.value.map((c) => [c.channel, c.available] as const));
    for (const [channel, available] of current) {
      const before = previousChannels.get(channel);
      if (before === true && !available) push(t('notice_channel_lost', channelName(channel)), 'warning');
      if (before === false && available) push(t('notice_channel_back', channelName(channel)), 'ok');
    }
    // Keep what was known while the state is briefly absent (a reconnect's snapshot replaces it).
    if (current.size > 0) previousChannels = current;
  });

  // Features add their own notices (a colleague ended a consultation…).
  return { notices, push };
}

export type NoticesModel = ReturnType<typeof createNoticesModel>;
