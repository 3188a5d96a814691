import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { MarkDoneButton } from '../interaction/MarkDoneButton';

/**
 * A session ended by inactivity: read-only; Mark Done takes it off the desk (once a required
 * disposition is chosen: `completionBlocked` says why not yet).
 */
export function EndedSession({ busy, onMarkDone, completionBlocked }: { busy: boolean; onMarkDone: () => void; completionBlocked?: string | undefined }) {
  const blockedId = useId();
  return (
    <div class="ended-session">
      <p class="notice warning">{t('session_ended_notice')}</p>
      {completionBlocked && (
        <p id={blockedId} class="blocked-reason">
          {completionBlocked}
        </p>
      )}
      <div class="actions">
        <MarkDoneButton busy={busy} completionBlocked={completionBlocked} reasonId={blockedId} primary onMarkDone={onMarkDone} />
      </div>
    </div>
  );
}
