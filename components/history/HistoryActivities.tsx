import { t } from '@/lib/i18n/t';
import type { HistoryActivity } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';

/** Calls and emails agents started from the panel with this contact, newest first. */
export function HistoryActivities({ activities, locale }: { activities: HistoryActivity[]; locale: string }) {
  if (activities.length === 0) return null;
  return (
    <section class="history-activities" aria-label={t('history_activities')}>
      <h4>{t('history_activities')}</h4>
      <ul>
        {activities.map((activity) => (
          <li key={activity.id}>
            <time dateTime={new Date(activity.at).toISOString()}>{formatDateTime(activity.at, locale)}</time>{' '}
            {activity.kind === 'call' ? t('history_activity_call', activity.target, activity.agentName) : t('history_activity_email', activity.target, activity.agentName)}
          </li>
        ))}
      </ul>
    </section>
  );
}
