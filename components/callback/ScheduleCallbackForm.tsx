import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { agentTimeZone, fromLocalInputValue, toLocalInputValue } from '@/lib/time/zoned';

interface Props {
  defaultPhone: string;
  now: number;
  busy: boolean;
  onSchedule: (dueAt: number, phone: string, note: string) => void;
  onCancel: () => void;
}

const E164 = /^\+[1-9]\d{5,14}$/;

/** New callback: date and time in the agent's time zone (shown), the number (the contact's by default), a note. */
export function ScheduleCallbackForm({ defaultPhone, now, busy, onSchedule, onCancel }: Props) {
  const [when, setWhen] = useState(() => toLocalInputValue(now + 3600_000));
  const [phone, setPhone] = useState(defaultPhone);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const zoneId = useId();
  return (
    <form
      class="schedule-callback"
      aria-label={t('callback_new_title')}
      onSubmit={(event) => {
        event.preventDefault();
        const dueAt = fromLocalInputValue(when);
        const number = phone.replace(/[ .()-]/g, '');
        if (dueAt === undefined) return setProblem(t('callback_error_time'));
        if (dueAt <= Date.now()) return setProblem(t('callback_error_past'));
        if (!E164.test(number)) return setProblem(t('callback_error_phone'));
        setProblem(null);
        onSchedule(dueAt, number, note);
      }}
    >
      <label class="field">
        <span>{t('callback_when')}</span>
        <input type="datetime-local" value={when} required aria-describedby={zoneId} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      <p id={zoneId} class="hint">
        {t('callback_time_zone', agentTimeZone())}
      </p>
      <label class="field">
        <span>{t('callback_phone')}</span>
        <input type="tel" value={phone} required onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('callback_note')}</span>
        <textarea rows={2} value={note} maxLength={10_000} dir="auto" onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('callback_schedule')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('callback_form_cancel')}
        </button>
      </div>
    </form>
  );
}
