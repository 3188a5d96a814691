import { t } from '@/lib/i18n/t';

interface Props {
  busy: boolean;
  /** Why Mark Done must wait (a required disposition); shown in the element `reasonId`. */
  completionBlocked: string | undefined;
  reasonId: string;
  primary?: boolean;
  onMarkDone: () => void;
}

/** Mark Done: disabled, and described by the reason, while the interaction may not be completed. */
export function MarkDoneButton({ busy, completionBlocked, reasonId, primary = false, onMarkDone }: Props) {
  return (
    <button
      type="button"
      class={primary ? 'button primary' : 'button'}
      disabled={busy || !!completionBlocked}
      aria-describedby={completionBlocked ? reasonId : undefined}
      onClick={onMarkDone}
    >
      {t('compose_mark_done')}
    </button>
  );
}
