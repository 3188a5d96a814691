import './consent.css';
import { t } from '@/lib/i18n/t';

/** Beside the contact's name: this customer refused texts (STOP, an agent, or the carrier). */
export function SmsRefusedBadge({ optedOut }: { optedOut: boolean | undefined }) {
  if (!optedOut) return null;
  return <span class="sms-refused-badge">{t('contact_sms_refused')}</span>;
}
