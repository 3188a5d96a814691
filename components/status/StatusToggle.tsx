import { t } from '@/lib/i18n/t';
import type { AgentStatus } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  status: AgentStatus;
  pending: AgentStatus | null;
  error: string | null;
  onChange: (status: AgentStatus) => void;
}

const CHOICES: { status: AgentStatus; label: () => string }[] = [
  { status: 'ready', label: () => t('status_ready') },
  { status: 'not_ready', label: () => t('status_not_ready') },
];

/** Ready / Not Ready as two toggle buttons; the pressed one is what the server confirmed. */
export function StatusToggle({ status, pending, error, onChange }: Props) {
  return (
    <div class="status">
      <div class="segmented" role="group" aria-label={t('status_group')}>
        {CHOICES.map((choice) => (
          <button
            key={choice.status}
            type="button"
            class={`segment ${choice.status}`}
            aria-pressed={status === choice.status}
            aria-busy={pending === choice.status}
            onClick={() => status !== choice.status && onChange(choice.status)}
          >
            {choice.label()}
          </button>
        ))}
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
