import { t } from '@/lib/i18n/t';

export type NoteSaveState = 'saved' | 'saving' | 'draft' | 'error' | undefined;

const STATE_TEXT = {
  saved: 'note_saved',
  saving: 'note_saving',
  draft: 'note_draft',
  error: 'note_error',
} as const;

/** The interaction's note, saved as the agent types (the state says whether the server has it). */
export function NoteField({ note, state, onType }: { note: string; state: NoteSaveState; onType: (note: string) => void }) {
  return (
    <div class="note">
      <label class="field">
        <span>{t('note_label')}</span>
        <textarea rows={2} value={note} maxLength={10_000} dir="auto" onInput={(e) => onType(e.currentTarget.value)} />
      </label>
      <p class="hint" aria-live="polite">
        {state ? t(STATE_TEXT[state]) : ''}
      </p>
    </div>
  );
}
