import { t } from '@/lib/i18n/t';

export interface MergeCandidate {
  /** interaction:<id> or activity:<id> */
  key: string;
  label: string;
  onMerge: () => void;
}

/** What can be merged into this interaction: the contact's other open interactions, their calls and emails. */
export function MergePicker({ candidates, busy, onClose }: { candidates: MergeCandidate[]; busy: boolean; onClose: () => void }) {
  return (
    <div class="merge-picker" role="group" aria-label={t('merge_title')}>
      <p class="hint">{candidates.length === 0 ? t('merge_none') : t('merge_hint')}</p>
      <ul>
        {candidates.map((candidate) => (
          <li key={candidate.key}>
            <button type="button" class="button small" disabled={busy} onClick={candidate.onMerge}>
              {candidate.label}
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button" onClick={onClose}>
          {t('merge_close')}
        </button>
      </div>
    </div>
  );
}
