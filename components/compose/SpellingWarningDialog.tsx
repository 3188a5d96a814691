import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Misspelling } from '@/lib/spelling';
import { useModal } from './use-modal';

interface Props {
  misspellings: readonly Misspelling[];
  /** Yes: send the reply as it is. */
  onSend: () => void;
  /** No (or Escape): back to the text, the first misspelling selected. */
  onReview: () => void;
}

/** "Send anyway?" before a reply with misspelled words, when the administrator wants it asked. */
export function SpellingWarningDialog({ misspellings, onSend, onReview }: Props) {
  const { dialog, closeThen } = useModal(onReview);
  const titleId = useId();
  const textId = useId();
  const no = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus: Enter by habit does not send a reply with mistakes.
  useEffect(() => no.current?.focus(), []);
  const words = [...new Set(misspellings.map((m) => m.word))];
  return (
    <dialog ref={dialog} class="card spelling-warning" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
      <h2 id={titleId}>{t('spell_warning_title')}</h2>
      <p id={textId}>
        {misspellings.length === 1
          ? t('spell_warning_text_one', words[0] ?? '')
          : t('spell_warning_text', String(misspellings.length), words.slice(0, 6).join(', ') + (words.length > 6 ? '…' : ''))}
      </p>
      <div class="actions">
        {/* The safe answer is the default one: focused and styled as the primary button. */}
        <button type="button" class="button primary" ref={no} onClick={() => closeThen(onReview)}>
          {t('spell_warning_no')}
        </button>
        <button type="button" class="button" onClick={() => closeThen(onSend)}>
          {t('spell_warning_yes')}
        </button>
      </div>
    </dialog>
  );
}
