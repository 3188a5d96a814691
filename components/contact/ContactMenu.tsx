import { t } from '@/lib/i18n/t';
import { MenuButton, type MenuItem } from './MenuButton';

interface Props {
  /** Who the menu is for, as the agent reads it (name or number). */
  who: string;
  /** Numbers that can be called (the contact's, else the customer's). */
  phones: readonly string[];
  emails: readonly string[];
  /** Call and Email: the caller records the activity and opens the dialer or mail client. */
  onCall: (e164: string) => void;
  onEmail: (address: string) => void;
  onEdit?: (() => void) | undefined;
  onAssign?: (() => void) | undefined;
  onMerge: () => void;
  onScheduleCallback: () => void;
}

/** The participant's actions: Call / Email when the contact database knows how, then the rest. */
export function ContactMenu({ who, phones, emails, onCall, onEmail, onEdit, onAssign, onMerge, onScheduleCallback }: Props) {
  const items: MenuItem[] = [
    ...phones.map((phone) => ({ id: `call:${phone}`, label: t('contact_call', phone), onSelect: () => onCall(phone) })),
    ...emails.map((email) => ({ id: `email:${email}`, label: t('contact_email', email), onSelect: () => onEmail(email) })),
  ];
  if (onEdit) items.push({ id: 'edit', label: t('contact_edit'), onSelect: onEdit });
  if (onAssign) items.push({ id: 'assign', label: t('contact_assign'), onSelect: onAssign });
  items.push({ id: 'merge', label: t('merge_action'), onSelect: onMerge });
  items.push({ id: 'callback', label: t('callback_action'), onSelect: onScheduleCallback });
  return <MenuButton label={t('contact_actions', who)} items={items} />;
}
