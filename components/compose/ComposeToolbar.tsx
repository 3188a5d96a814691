import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { SpellingLanguage } from '@/lib/spelling';
import type { SpellingTools } from './tools';

interface Props {
  spelling: SpellingTools;
  /** Misspellings in the text now. */
  misspelled: readonly string[];
  summaryId: string;
  onOpenResponses: () => void;
}

const languageLabel = (language: SpellingLanguage) => (language === 'fr' ? t('spell_language_fr') : t('spell_language_en'));

function spellingStatus(spelling: SpellingTools, misspelled: readonly string[]): string {
  if (spelling.status === 'loading') return t('spell_loading');
  if (spelling.status === 'failed') return t('spell_failed', spelling.failure ?? '');
  if (misspelled.length === 0) return t('spell_ok');
  return misspelled.length === 1 ? t('spell_count_one') : t('spell_count', String(misspelled.length));
}

/**
 * Above the actions: the Responses library, the spelling language (remembered), and how many
 * words the spell check underlines; the words themselves are read to screen readers with the box.
 */
export function ComposeToolbar({ spelling, misspelled, summaryId, onOpenResponses }: Props) {
  const selectId = useId();
  const status = spellingStatus(spelling, misspelled);
  return (
    <div class="compose-toolbar">
      <button type="button" class="button small" aria-haspopup="dialog" onClick={onOpenResponses}>
        {t('responses_button')}
      </button>
      <span class="spelling-language">
        <label for={selectId}>{t('spell_language')}</label>
        <select id={selectId} value={spelling.language} onChange={(e) => spelling.setLanguage(e.currentTarget.value as SpellingLanguage)}>
          {spelling.languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageLabel(language)}
            </option>
          ))}
        </select>
      </span>
      {/* One line high whatever it says (Send below must not move): the whole text on hover. */}
      <span class={`spelling-status ${spelling.status}${misspelled.length > 0 ? ' has-mistakes' : ''}`} title={status}>
        {status}
      </span>
      <span id={summaryId} class="visually-hidden">
        {misspelled.length > 0 ? t('spell_summary', misspelled.join(', ')) : ''}
      </span>
    </div>
  );
}
