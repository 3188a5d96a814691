import './new-sms.css';
import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { ContactCard } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  numbers: readonly { number: string; mode: 'page' | 'session' }[];
  draft: { from: string; to: string; text: string };
  search: { loading: boolean; results: ContactCard[]; error?: string };
  busy: boolean;
  error: string | undefined;
  onChange: (patch: Partial<{ from: string; to: string; text: string }>) => void;
  onPickContact: (phone: string) => void;
  onSend: () => void;
  onCancel: () => void;
}

/**
 * New SMS: from a contact-centre number the agent may use, to a typed number (any usual form) or
 * a contact found by name, with the first text. The server says why when it refuses.
 */
export function NewSmsForm({ numbers, draft, search, busy, error, onChange, onPickContact, onSend, onCancel }: Props) {
  const headingId = useId();
  const fromId = useId();
  const toId = useId();
  const textId = useId();
  const canSend = !busy && draft.to.trim() !== '' && draft.text.trim() !== '' && draft.from !== '';
  const picks = search.results.flatMap((contact) => contact.phones.map((phone) => ({ contact, phone })));
  return (
    <section class="card new-sms" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('new_sms_heading')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canSend) onSend();
        }}
      >
        <div class="field">
          <label for={fromId}>{t('new_sms_from')}</label>
          <select id={fromId} value={draft.from} onChange={(e) => onChange({ from: e.currentTarget.value })}>
            {numbers.map((n) => (
              <option key={n.number} value={n.number}>
                {`${n.number} · ${n.mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session')}`}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={toId}>{t('new_sms_to')}</label>
          <input id={toId} type="text" autoComplete="off" value={draft.to} onInput={(e) => onChange({ to: e.currentTarget.value })} />
        </div>
        {search.loading && <p class="hint">{t('new_sms_searching')}</p>}
        {search.error && <p class="hint">{search.error}</p>}
        {picks.length > 0 && (
          <ul class="new-sms-contacts" aria-label={t('new_sms_contacts')}>
            {picks.map(({ contact, phone }) => (
              <li key={`${contact.id}:${phone}`}>
                <button type="button" class="button quiet small" onClick={() => onPickContact(phone)}>
                  {`${contact.name || phone} · ${phone}`}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="field">
          <label for={textId}>{t('new_sms_text')}</label>
          <textarea id={textId} value={draft.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />
        </div>
        <ErrorAlert message={error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={!canSend} aria-busy={busy || undefined}>
            {t('new_sms_send')}
          </button>
          <button type="button" class="button" onClick={onCancel}>
            {t('new_sms_cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
