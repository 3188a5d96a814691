import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { TEXT_SIZES } from '@/lib/transcript/text-size';

/** "Text size": 80 %–200 % for the transcript and the message box, remembered by the panel. */
export function TextSizeControl({ percent, onChange }: { percent: number; onChange: (percent: number) => void }) {
  const id = useId();
  return (
    <div class="text-size">
      <label for={id}>{t('transcript_text_size')}</label>
      <select id={id} value={String(percent)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {TEXT_SIZES.map((size) => (
          <option key={size} value={String(size)}>
            {`${size} %`}
          </option>
        ))}
      </select>
    </div>
  );
}
