import type { TickingTime } from '../common/ticking-time';
import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Interaction } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { SmsRefusedBadge } from '../consent/SmsRefusedBadge';
import { ElapsedTime } from './ElapsedTime';

interface Props {
  interaction: Interaction;
  serverNow: TickingTime;
  headingId: string;
  locale?: string;
}

/**
 * Contact name (or number) and the ticking elapsed time; the interaction's details (numbers,
 * queue, channel, start) fold away with the Details toggle to give the transcript more room.
 */
export function InteractionHeader({ interaction, serverNow, headingId, locale = 'en' }: Props) {
  const { customer } = interaction;
  const [expanded, setExpanded] = useState(true);
  const detailsId = useId();
  return (
    <header class="interaction-head">
      <div class="head-line">
        <div class="who">
          <h2 id={headingId}>{customer.name ?? customer.phone}</h2>
          <SmsRefusedBadge optedOut={interaction.consent?.optedOut} />
          <span class="mode">{interaction.mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session')}</span>
        </div>
        <ElapsedTime since={interaction.acceptedAt ?? interaction.createdAt} serverNow={serverNow} />
        <button
          type="button"
          class="button quiet small details-toggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => setExpanded(!expanded)}
        >
          {t('transcript_details')}
        </button>
      </div>
      <dl class="interaction-details" id={detailsId} hidden={!expanded}>
        <div>
          <dt>{t('transcript_detail_phone')}</dt>
          <dd class="phone">{customer.phone}</dd>
        </div>
        <div>
          <dt>{t('transcript_detail_channel')}</dt>
          <dd>{t(interaction.channel === 'mms' ? 'channel_mms' : 'channel_sms')}</dd>
        </div>
        <div>
          <dt>{t('transcript_detail_centre')}</dt>
          <dd>{interaction.centreNumber}</dd>
        </div>
        <div>
          <dt>{t('transcript_detail_queue')}</dt>
          <dd>{interaction.queue}</dd>
        </div>
        <div>
          <dt>{t('transcript_detail_started')}</dt>
          <dd>
            <time dateTime={new Date(interaction.createdAt).toISOString()}>{formatClockTime(interaction.createdAt, locale)}</time>
          </dd>
        </div>
      </dl>
    </header>
  );
}
