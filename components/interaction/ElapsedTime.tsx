import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import { formatDuration } from '@/lib/time/format';

/** Time since the interaction was accepted, ticking with the panel's clock. */
export function ElapsedTime({ since, serverNow }: { since: number; serverNow: TickingTime }) {
  const text = formatDuration(serverNow.value - since);
  return (
    <span class="elapsed" title={t('interaction_elapsed')}>
      <span class="visually-hidden">{t('interaction_elapsed')} </span>
      <time>{text}</time>
    </span>
  );
}
