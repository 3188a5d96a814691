import { t } from '@/lib/i18n/t';
import type { CallbackOrigin as Origin } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';

/** On a callback interaction: who scheduled it, for when, and their note. */
export function CallbackOrigin({ callback, locale }: { callback: Origin; locale: string }) {
  return (
    <div class="callback-origin" role="note">
      <p>{t('callback_origin', callback.scheduledBy, formatDateTime(callback.dueAt, locale))}</p>
      {callback.note && (
        <p class="callback-note" dir="auto">
          {callback.note}
        </p>
      )}
    </div>
  );
}
