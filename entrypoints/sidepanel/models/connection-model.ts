import { signal } from '@preact/signals';
import type { BackgroundMessage, ConnectionInfo } from '@/lib/messaging/panel-port';
import type { BackgroundLink } from '../background-link';

/** The background's connection to the server, as the agent sees it. */
export function createConnectionModel(link: BackgroundLink) {
  const connection = signal<ConnectionInfo>({ phase: 'connecting' });
  return {
    connection,
    /** Server time now, from the local clock and the offset measured at the last welcome. */
    serverNow(localNow: number): number {
      return localNow + (connection.value.clockOffset ?? 0);
    },
    async reconnect() {
      await link.request({ type: 'reconnect' });
    },
    receive(message: BackgroundMessage) {
      if (message.type === 'sync' || message.type === 'connection') {
        // A reconnecting phase has no offset of its own: keep the last one measured.
        const clockOffset = message.connection.clockOffset ?? connection.value.clockOffset;
        connection.value = { ...message.connection, ...(clockOffset !== undefined ? { clockOffset } : {}) };
      }
    },
  };
}

export type ConnectionModel = ReturnType<typeof createConnectionModel>;
