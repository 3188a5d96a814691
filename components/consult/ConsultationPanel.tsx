import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Consultation } from '@/lib/protocol';
import { formatClockTime } from '@/lib/time/format';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  consultation: Consultation;
  selfId: string;
  locale: string;
  draft: string;
  busy: boolean;
  error: string | undefined;
  onDraft: (text: string) => void;
  onSend: () => void;
  onEnd: () => void;
}

/**
 * The side conversation between two agents about an interaction (IM). The customer sees none of
 * it. Either side sends (Send IM or Ctrl+Enter) and either side ends it.
 */
export function ConsultationPanel({ consultation, selfId, locale, draft, busy, error, onDraft, onSend, onEnd }: Props) {
  const headingId = useId();
  const log = useRef<HTMLDivElement>(null);
  const hosting = consultation.host.agentId === selfId;
  const canSend = draft.trim().length > 0 && !busy;
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [consultation.messages.length]);
  return (
    <section class="consultation" aria-labelledby={headingId}>
      <header class="consultation-head">
        <h3 id={headingId}>
          {hosting ? t('consult_heading_host', consultation.guest.name) : t('consult_heading_guest', consultation.host.name)}
        </h3>
        <button type="button" class="button small" disabled={busy} onClick={onEnd}>
          {t('consult_end')}
        </button>
      </header>
      <p class="hint">{t('consult_private')}</p>
      <div class="consult-log" role="log" aria-label={t('consult_messages_label')} ref={log} tabIndex={0}>
        <ol>
          {consultation.messages.map((message) => {
            const mine = message.author.agentId === selfId;
            return (
              <li key={message.id} class={`entry message ${mine ? 'out party-me' : 'in party-agent'}`}>
                <div class="meta">
                  <span class="sender">{message.author.name}</span>{' '}
                  <span class="party-tag">{mine ? t('session_party_me') : t('session_party_agent')}</span>{' '}
                  <time class="at" dateTime={new Date(message.at).toISOString()}>
                    {formatClockTime(message.at, locale)}
                  </time>
                </div>
                <p class="text" dir="auto">
                  {message.text}
                </p>
              </li>
            );
          })}
        </ol>
      </div>
      <ErrorAlert message={error} />
      <form
        class="compose"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSend) onSend();
        }}
      >
        <label class="field">
          <span>{t('consult_message_label')}</span>
          <textarea
            rows={2}
            value={draft}
            dir="auto"
            onInput={(e) => onDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                if (canSend) onSend();
              }
            }}
          />
        </label>
        <div class="actions">
          <button type="submit" class="button primary" disabled={!canSend}>
            {t('consult_send')}
          </button>
        </div>
      </form>
    </section>
  );
}
