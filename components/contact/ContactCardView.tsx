import { t } from '@/lib/i18n/t';
import type { ContactCard } from '@/lib/protocol';

/** What the contact database knows: name, numbers, addresses, notes (text only, never markup). */
export function ContactCardView({ contact }: { contact: ContactCard }) {
  return (
    <div class="contact-card">
      <dl class="pairs">
        <dt>{t('contact_name')}</dt>
        <dd dir="auto">{contact.unknown ? t('contact_unknown') : contact.name}</dd>
        <dt>{t('contact_phones')}</dt>
        <dd>{contact.phones.length > 0 ? contact.phones.join(', ') : t('contact_no_phones')}</dd>
        <dt>{t('contact_emails')}</dt>
        <dd>{contact.emails.length > 0 ? contact.emails.join(', ') : t('contact_no_emails')}</dd>
        <dt>{t('contact_notes')}</dt>
        <dd class="multiline" dir="auto">
          {contact.notes || t('contact_no_notes')}
        </dd>
      </dl>
    </div>
  );
}
