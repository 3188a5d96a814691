import { t } from '@/lib/i18n/t';
import type { Interaction } from '@/lib/protocol';
import { ElapsedTime } from './ElapsedTime';

/** Contact name (or number) and the ticking elapsed time. */
export function InteractionHeader({ interaction, serverNow, headingId }: { interaction: Interaction; serverNow: number; headingId: string }) {
  const { customer } = interaction;
  return (
    <header class="interaction-head">
      <div class="who">
        <h2 id={headingId}>{customer.name ?? customer.phone}</h2>
        {customer.name && <span class="phone">{customer.phone}</span>}
        <span class="mode">{interaction.mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session')}</span>
      </div>
      <ElapsedTime since={interaction.acceptedAt ?? interaction.createdAt} serverNow={serverNow} />
    </header>
  );
}
