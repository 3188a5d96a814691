import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import type { ConnectionInfo } from '@/lib/messaging/panel-port';
import { secondsLeft } from '@/lib/time/format';

interface Props {
  connection: ConnectionInfo;
  now: TickingTime;
  onReconnect: () => void;
}

function describe(connection: ConnectionInfo, now: number): string {
  switch (connection.phase) {
    case 'connected':
      return t('connection_connected');
    case 'reconnecting': {
      const left = connection.retryAt === undefined ? 0 : secondsLeft(connection.retryAt, now);
      return left > 0 ? t('connection_reconnecting', String(left)) : t('connection_reconnecting_now');
    }
    case 'offline':
      return connection.lastError?.code === 'unsupported_version' ? t('connection_outdated') : t('connection_offline');
    case 'connecting':
    case 'signed_out':
      return t('connection_connecting');
  }
}

/** Connected / reconnecting (with a countdown) / offline, and a way to retry at once. */
export function ConnectionState({ connection, now, onReconnect }: Props) {
  const down = connection.phase === 'reconnecting' || connection.phase === 'offline';
  return (
    <div class={`connection ${connection.phase}`}>
      <span class="dot" aria-hidden="true" />
      <span class="connection-text">{describe(connection, now.value)}</span>
      {down && (
        <button type="button" class="button small" onClick={onReconnect}>
          {t('connection_reconnect')}
        </button>
      )}
    </div>
  );
}
