import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { CaseData } from '@/lib/protocol';

interface Props {
  caseData: CaseData;
  editable: readonly string[];
  labelOf: (key: string) => string;
  busyKeys: ReadonlySet<string>;
  onChange: (key: string, value: string) => void;
}

/** One editable value: saved when the agent leaves the field or presses Enter. */
function EditableValue({ label, value, busy, onSave }: { label: string; value: string; busy: boolean; onSave: (value: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => {
    if (text !== value) onSave(text);
  };
  return (
    <input
      value={text}
      aria-label={label}
      maxLength={500}
      disabled={busy}
      dir="auto"
      onInput={(e) => setText(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        }
      }}
    />
  );
}

/**
 * The data attached to the interaction (number's configuration, gateway, routing): read-only,
 * except the keys the configuration lists as editable (offered even when not set yet).
 */
export function CaseDataTable({ caseData, editable, labelOf, busyKeys, onChange }: Props) {
  const keys = [...Object.keys(caseData), ...editable.filter((key) => !(key in caseData))];
  if (keys.length === 0) return <p class="hint">{t('casedata_empty')}</p>;
  return (
    <dl class="pairs case-data">
      {keys.map((key) => (
        <div key={key} class="pair">
          <dt>{labelOf(key)}</dt>
          <dd>
            {editable.includes(key) ? (
              <EditableValue label={labelOf(key)} value={caseData[key] ?? ''} busy={busyKeys.has(key)} onSave={(value) => onChange(key, value)} />
            ) : (
              <span dir="auto">{caseData[key]}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
