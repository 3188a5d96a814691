import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ContactCard } from '@/lib/protocol';

interface Props {
  text: string;
  loading: boolean;
  results: ContactCard[];
  error?: string | undefined;
  busy: boolean;
  onSearch: (text: string) => void;
  onAssign: (contact: ContactCard) => void;
  onCancel: () => void;
}

/** "1 contact found", "3 contacts found", "No contact found". */
const foundText = (count: number) =>
  count === 0 ? t('contact_found_none') : count === 1 ? t('contact_found_one') : t('contact_found', String(count));

/** Manual contact assignment: find a known contact by name, number or address as you type. */
export function AssignContactForm({ text, loading, results, error, busy, onSearch, onAssign, onCancel }: Props) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const searched = text.trim().length >= 2 && !loading;
  return (
    <div class="assign-contact" role="group" aria-label={t('contact_assign_title')}>
      <label class="field">
        <span>{t('contact_assign_search')}</span>
        <input ref={field} type="search" value={text} onInput={(e) => onSearch(e.currentTarget.value)} />
      </label>
      <p class="hint" aria-live="polite">
        {loading ? t('contact_searching') : searched ? foundText(results.length) : t('contact_assign_hint')}
      </p>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <ul class="contact-results">
        {results.map((contact) => (
          <li key={contact.id}>
            <span class="result-detail">{[...contact.phones, ...contact.emails].join(', ')}</span>
            <button type="button" class="button small" disabled={busy} onClick={() => onAssign(contact)}>
              {t('contact_assign_to', contact.name)}
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('contact_form_cancel')}
        </button>
      </div>
    </div>
  );
}
