import type { TickingTime } from '../common/ticking-time';
import { t } from '@/lib/i18n/t';
import type { Interaction } from '@/lib/protocol';
import { SessionTimer } from './SessionTimer';

interface Props {
  interaction: Interaction;
  serverNow: TickingTime;
  /** Transfer and consult are off while a transfer waits, a consultation is open, or a command runs. */
  canTransfer: boolean;
  canConsult: boolean;
  onTransfer: () => void;
  onConsult: () => void;
}

/** The interaction's toolbar: Instant SMS Transfer, Consult, and a session's time left. */
export function InteractionToolbar({ interaction, serverNow, canTransfer, canConsult, onTransfer, onConsult }: Props) {
  if (interaction.ended) return null;
  return (
    <div class="interaction-tools">
      <div class="actions" role="group" aria-label={t('session_toolbar_label')}>
        <button type="button" class="button" disabled={!canTransfer} onClick={onTransfer}>
          {t('transfer_button')}
        </button>
        <button type="button" class="button" disabled={!canConsult} onClick={onConsult}>
          {t('consult_button')}
        </button>
      </div>
      {interaction.inactivityDeadline !== undefined && <SessionTimer deadline={interaction.inactivityDeadline} serverNow={serverNow} />}
    </div>
  );
}
