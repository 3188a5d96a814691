import { t } from '@/lib/i18n/t';

interface Props {
  options: { code: string; label: string }[];
  value: string | undefined;
  required: boolean;
  busy: boolean;
  onChange: (code: string | null) => void;
}

/** The disposition code, from the configured list; marked when the queue requires one. */
export function DispositionPicker({ options, value, required, busy, onChange }: Props) {
  if (options.length === 0) return null;
  return (
    <label class="field disposition">
      <span>
        {t('disposition_label')}
        {required && <span class="required">{` (${t('disposition_required')})`}</span>}
      </span>
      <select
        value={value ?? ''}
        disabled={busy}
        aria-required={required}
        onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      >
        <option value="">{t('disposition_none')}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
