import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ContactCard } from '@/lib/protocol';

export interface ContactChange {
  contactName: string;
  phones: string[];
  emails: string[];
  notes: string;
}

const E164 = /^\+[1-9]\d{5,14}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const list = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Edits a contact's details; numbers in E.164 (+33612345678), one per line or comma-separated. */
export function ContactEditForm({ contact, busy, onSave, onCancel }: { contact: ContactCard; busy: boolean; onSave: (change: ContactChange) => void; onCancel: () => void }) {
  const [name, setName] = useState(contact.name);
  const [phones, setPhones] = useState(contact.phones.join('\n'));
  const [emails, setEmails] = useState(contact.emails.join('\n'));
  const [notes, setNotes] = useState(contact.notes);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  return (
    <form
      class="contact-edit"
      aria-label={t('contact_edit_title')}
      onSubmit={(event) => {
        event.preventDefault();
        const phoneList = list(phones.replace(/[ .()-]/g, ''));
        const emailList = list(emails);
        const badPhone = phoneList.find((p) => !E164.test(p));
        const badEmail = emailList.find((e) => !EMAIL.test(e));
        if (!contact.unknown && name.trim() === '') return setProblem(t('contact_error_name'));
        if (badPhone) return setProblem(t('contact_error_phone', badPhone));
        if (badEmail) return setProblem(t('contact_error_email', badEmail));
        setProblem(null);
        onSave({ contactName: name.trim(), phones: phoneList, emails: emailList, notes });
      }}
    >
      <label class="field">
        <span>{t('contact_name')}</span>
        <input value={name} maxLength={100} dir="auto" onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('contact_phones')}</span>
        <textarea rows={2} value={phones} onInput={(e) => setPhones(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('contact_emails')}</span>
        <textarea rows={2} value={emails} onInput={(e) => setEmails(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('contact_notes')}</span>
        <textarea rows={3} value={notes} maxLength={5000} dir="auto" onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      {problem && (
        <p id={problemId} class="alert" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('contact_save')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('contact_form_cancel')}
        </button>
      </div>
    </form>
  );
}
