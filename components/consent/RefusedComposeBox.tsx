import './consent.css';
import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { MarkDoneButton } from '../interaction/MarkDoneButton';

interface Props {
  busy: boolean;
  completionBlocked: string | undefined;
  onMarkDone: () => void;
}

/**
 * The message box of a customer who refused texts: disabled, with the reason beside it (and
 * referenced by the field and Send), so the agent knows why and what to do; Mark Done stays.
 */
export function RefusedComposeBox({ busy, completionBlocked, onMarkDone }: Props) {
  const fieldId = useId();
  const reasonId = useId();
  const blockedId = useId();
  return (
    <div class="compose refused">
      <div class="field">
        <label for={fieldId}>{t('compose_label')}</label>
        <textarea id={fieldId} disabled aria-describedby={reasonId} rows={2} />
      </div>
      <p id={reasonId} class="refused-reason" role="status">
        {t('compose_opted_out')}
      </p>
      {completionBlocked && (
        <p id={blockedId} class="blocked-reason">
          {completionBlocked}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button primary" disabled aria-describedby={reasonId}>
          {t('compose_send')}
        </button>
        <MarkDoneButton busy={busy} completionBlocked={completionBlocked} reasonId={blockedId} onMarkDone={onMarkDone} />
      </div>
    </div>
  );
}
