import { t } from '@/lib/i18n/t';
import type { CulpritGroup } from './culprit-list';

interface Props {
  id: string;
  groups: readonly CulpritGroup[];
  /** Shown only when some of them are typographic look-alikes of GSM characters. */
  canReplace: boolean;
  onReplace: () => void;
}

/**
 * The characters that force the whole reply into Unicode (70 characters per SMS instead of 160),
 * in words with their positions — what the highlight behind the text shows, for everyone and
 * for screen readers — and the one action that swaps curly quotes, dashes, ellipses and odd
 * spaces for their plain equivalents.
 */
export function UnicodeCharacters({ id, groups, canReplace, onReplace }: Props) {
  if (groups.length === 0) return null;
  return (
    <div class="unicode-characters">
      <p id={id}>
        <span class="unicode-heading">{t('compose_unicode_heading')}</span>{' '}
        {groups.map((group, index) => (
          <span key={group.character} class="culprit">
            {index > 0 && ', '}
            <bdi class="culprit-char">{group.label}</bdi>{' '}
            {group.positions.length === 1
              ? t('compose_unicode_position', String(group.positions[0]))
              : t('compose_unicode_positions', group.positions.slice(0, 8).join(', ') + (group.positions.length > 8 ? '…' : ''))}
          </span>
        ))}
      </p>
      {canReplace && (
        <button type="button" class="button small" onClick={onReplace}>
          {t('compose_replace_lookalikes')}
        </button>
      )}
    </div>
  );
}
