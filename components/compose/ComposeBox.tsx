import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';

interface Props {
  draft: string;
  busy: boolean;
  onDraft: (text: string) => void;
  onSend: () => void;
  onMarkDone: () => void;
  /** Why Mark Done is not possible yet (e.g. a disposition is required); shown and referenced. */
  completionBlocked?: string | undefined;
  /** Page mode: Send completes the interaction, so it waits for the same condition. */
  sendCompletes?: boolean;
}

/** The reply box: Send (or Ctrl+Enter) delivers it; Mark Done closes without replying. */
export function ComposeBox({ draft, busy, onDraft, onSend, onMarkDone, completionBlocked, sendCompletes }: Props) {
  const sendBlocked = !!completionBlocked && !!sendCompletes;
  const canSend = draft.trim().length > 0 && !busy && !sendBlocked;
  const hintId = useId();
  const blockedId = useId();
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
      {completionBlocked && (
        <p id={blockedId} class="blocked-reason">
          {completionBlocked}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={!canSend} aria-describedby={sendBlocked ? blockedId : undefined}>
          {t('compose_send')}
        </button>
        <button type="button" class="button" disabled={busy || !!completionBlocked} aria-describedby={completionBlocked ? blockedId : undefined} onClick={onMarkDone}>
          {t('compose_mark_done')}
        </button>
      </div>
    </form>
  );
}
