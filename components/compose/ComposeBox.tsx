import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';

interface Props {
  draft: string;
  busy: boolean;
  onDraft: (text: string) => void;
  onSend: () => void;
  onMarkDone: () => void;
}

/** The reply box: Send (or Ctrl+Enter) delivers it; Mark Done closes without replying. */
export function ComposeBox({ draft, busy, onDraft, onSend, onMarkDone }: Props) {
  const canSend = draft.trim().length > 0 && !busy;
  const hintId = useId();
  return (
    <form
      class="compose"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label class="field">
        <span>{t('compose_label')}</span>
        <textarea
          rows={3}
          value={draft}
          dir="auto"
          aria-describedby={hintId}
          onInput={(e) => onDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (canSend) onSend();
            }
          }}
        />
      </label>
      <p id={hintId} class="hint">
        {t('compose_hint')}
      </p>
      <div class="actions">
        <button type="submit" class="button primary" disabled={!canSend}>
          {t('compose_send')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onMarkDone}>
          {t('compose_mark_done')}
        </button>
      </div>
    </form>
  );
}
