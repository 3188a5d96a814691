import { t } from '@/lib/i18n/t';
import type { ChannelState } from '@/lib/protocol';

/** Each media channel the server reports, with its availability in words (not only colour). */
export function ChannelStates({ channels }: { channels: readonly ChannelState[] }) {
  if (channels.length === 0) return null;
  return (
    <ul class="channels" aria-label={t('channels_label')}>
      {channels.map(({ channel, available }) => (
        <li key={channel} class={`channel ${available ? 'up' : 'down'}`}>
          <span class="channel-name">{t(`channel_${channel}`)}</span>
          <span class="channel-state">{available ? t('channel_available') : t('channel_unavailable')}</span>
        </li>
      ))}
    </ul>
  );
}
