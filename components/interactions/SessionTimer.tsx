import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import { sessionClock } from '@/lib/session/timer';
import { formatDuration } from '@/lib/time/format';

/**
 * Time left before a silent session ends. In its last minute it turns to a warning: a visible
 * alert (announced once by screen readers: its text does not tick) next to the countdown. The
 * tone that goes with it is played by the panel's session-warning model, whichever tab is shown.
 */
export function SessionTimer({ deadline, serverNow }: { deadline: number; serverNow: TickingTime }) {
  const { leftMs, warning } = sessionClock(deadline, serverNow.value);
  return (
    <div class={`session-timer${warning ? ' warning' : ''}`}>
      <span role="timer" class="session-left">
        {t('session_time_left', formatDuration(leftMs))}
      </span>
      {warning && (
        <p class="session-warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('session_warning')}
        </p>
      )}
    </div>
  );
}
