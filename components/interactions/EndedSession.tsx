import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';

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
        <button
          type="button"
          class="button primary"
          disabled={busy || !!completionBlocked}
          aria-describedby={completionBlocked ? blockedId : undefined}
          onClick={onMarkDone}
        >
          {t('compose_mark_done')}
        </button>
      </div>
    </div>
  );
}
