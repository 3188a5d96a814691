import { t } from '@/lib/i18n/t';
import type { ScheduledCallback } from '@/lib/protocol';
import { CallbackItem } from './CallbackItem';

interface Props {
  callbacks: readonly ScheduledCallback[];
  locale: string;
  busy: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
  onMove: (callbackId: string, dueAt: number) => void;
  onCancel: (callbackId: string) => void;
}

/** The agent's scheduled callbacks, soonest first. */
export function CallbackList({ callbacks, locale, busy, errors, onMove, onCancel }: Props) {
  if (callbacks.length === 0) return null;
  return (
    <details class="card callbacks">
      <summary>{t('callback_list_title', String(callbacks.length))}</summary>
      <ul aria-label={t('callback_list_label')}>
        {callbacks.map((callback) => (
          <CallbackItem
            key={callback.id}
            callback={callback}
            locale={locale}
            busy={busy.has(callback.id)}
            error={errors.get(callback.id)}
            onMove={(dueAt) => onMove(callback.id, dueAt)}
            onCancel={() => onCancel(callback.id)}
          />
        ))}
      </ul>
    </details>
  );
}
