import { t } from '@/lib/i18n/t';
import type { TransferStatus } from '@/lib/protocol';

function targetName(status: TransferStatus): string {
  return status.target.kind === 'agent' ? status.target.name : status.target.queue;
}

/** The words for a transfer's state; failures say who refused or that nobody answered. */
export function transferStatusText(status: TransferStatus): string {
  const name = targetName(status);
  switch (status.state) {
    case 'pending':
      return status.target.kind === 'agent' ? t('transfer_pending_agent', name) : t('transfer_pending_queue', name);
    case 'refused':
      return t('transfer_refused', name);
    case 'timeout':
      return t('transfer_timeout', name);
    case 'unavailable':
      return t('transfer_unavailable', name);
    case 'nobody':
      return t('transfer_nobody', name);
  }
}

/**
 * Where the agent's instant transfer stands: a quiet status while it waits, an error (role=alert,
 * announced at once) when it failed — the agent keeps the interaction — until dismissed.
 */
export function TransferStatusLine({ status, onDismiss }: { status: TransferStatus | undefined; onDismiss: () => void }) {
  if (!status) return null;
  if (status.state === 'pending') {
    return (
      <p class="transfer-status pending" role="status">
        {transferStatusText(status)}
      </p>
    );
  }
  return (
    <div class="transfer-status failed">
      <p class="alert" role="alert">
        {transferStatusText(status)}
      </p>
      <button type="button" class="button small" onClick={onDismiss}>
        {t('transfer_dismiss')}
      </button>
    </div>
  );
}
