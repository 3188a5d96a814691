import { t } from '@/lib/i18n/t';
import { formatClockTime } from '@/lib/time/format';

export interface SystemNotice {
  id: number;
  at: number;
  text: string;
  tone: 'warning' | 'ok';
}

/** System messages (connection or channel lost / back), announced politely as they arrive. */
export function SystemNotices({ notices, locale }: { notices: readonly SystemNotice[]; locale: string }) {
  return (
    <div class="notices" role="log" aria-label={t('notices_label')} aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} class={`notice ${notice.tone}`}>
          <time dateTime={new Date(notice.at).toISOString()}>{formatClockTime(notice.at, locale)}</time> {notice.text}
        </p>
      ))}
    </div>
  );
}
