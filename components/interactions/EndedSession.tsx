import { t } from '@/lib/i18n/t';

/** A session ended by inactivity: read-only; Mark Done takes it off the desk. */
export function EndedSession({ busy, onMarkDone }: { busy: boolean; onMarkDone: () => void }) {
  return (
    <div class="ended-session">
      <p class="notice warning">{t('session_ended_notice')}</p>
      <div class="actions">
        <button type="button" class="button primary" disabled={busy} onClick={onMarkDone}>
          {t('compose_mark_done')}
        </button>
      </div>
    </div>
  );
}
