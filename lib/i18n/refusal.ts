import type { PanelErrorCode } from '../messaging/panel-port';
import type { MessageKey, Translate } from './t';

const LEAD: Partial<Record<PanelErrorCode, MessageKey>> = {
  bad_request: 'refusal_bad_request',
  not_found: 'refusal_not_found',
  forbidden: 'refusal_forbidden',
  conflict: 'refusal_conflict',
  too_large: 'refusal_too_large',
  too_many_attempts: 'refusal_too_many_attempts',
  unavailable: 'refusal_unavailable',
  unauthorized: 'refusal_unauthorized',
  internal: 'refusal_internal',
  opted_out: 'refusal_opted_out',
};

/**
 * What the agent reads when the server refuses a request. The server's message is precise
 * (which interaction, which limit) but English; in another UI language it follows a localized
 * sentence for its code, so the agent always understands what happened.
 */
export function refusalText(code: PanelErrorCode, serverMessage: string, translate: Translate): string {
  if (!serverMessage) return translate('error_unknown');
  if (translate('ui_language') === 'en') return serverMessage;
  return translate('refusal_with_detail', translate(LEAD[code] ?? 'refusal_other'), serverMessage);
}
