import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ScheduledCallback } from '@/lib/protocol';
import { fromLocalInputValue, toLocalInputValue, formatDateTime } from '@/lib/time/zoned';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  callback: ScheduledCallback;
  locale: string;
  busy: boolean;
  error: string | undefined;
  onMove: (dueAt: number) => void;
  onCancel: () => void;
}

/** One scheduled callback: when (in the time zone it was scheduled in), who, the note; Move and Cancel. */
export function CallbackItem({ callback, locale, busy, error, onMove, onCancel }: Props) {
  const [moving, setMoving] = useState(false);
  const [when, setWhen] = useState(() => toLocalInputValue(callback.dueAt));
  const who = callback.contactName ?? callback.phone;
  return (
    <li class="callback-item">
      <div class="callback-line">
        <time dateTime={new Date(callback.dueAt).toISOString()}>
          {formatDateTime(callback.dueAt, locale, callback.timeZone)} ({callback.timeZone})
        </time>{' '}
        <strong dir="auto">{who}</strong> {callback.contactName && <span>{callback.phone}</span>}
      </div>
      {callback.note && (
        <p class="callback-note" dir="auto">
          {callback.note}
        </p>
      )}
      <ErrorAlert message={error} />
      {moving ? (
        <form
          class="callback-move"
          onSubmit={(event) => {
            event.preventDefault();
            const dueAt = fromLocalInputValue(when);
            if (dueAt === undefined) return;
            onMove(dueAt);
            setMoving(false);
          }}
        >
          <label class="field">
            <span>{t('callback_new_time', who)}</span>
            <input type="datetime-local" value={when} required onInput={(e) => setWhen(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="submit" class="button small primary" disabled={busy}>
              {t('callback_move_save')}
            </button>
            <button type="button" class="button small" onClick={() => setMoving(false)}>
              {t('callback_form_cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="button small" disabled={busy} onClick={() => setMoving(true)}>
            {t('callback_move')}
          </button>
          <button type="button" class="button small" disabled={busy} onClick={onCancel}>
            {t('callback_cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
