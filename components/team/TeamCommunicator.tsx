import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { DirectoryTarget } from '@/lib/protocol';
import { ErrorAlert } from '../common/ErrorAlert';
import { TargetRow, type TeamPurpose } from './TargetRow';

interface Props {
  purpose: TeamPurpose;
  query: string;
  /** Null until the first answer. */
  targets: readonly DirectoryTarget[] | null;
  searching: boolean;
  error: string | null;
  busy: boolean;
  onQuery: (query: string) => void;
  onClose: () => void;
  onTransfer: (target: DirectoryTarget) => void;
  onIm: (agentId: string) => void;
  onVoice: (extension: string) => void;
}

/**
 * Team Communicator: internal targets (agents with presence, queues with how many are Ready),
 * searched as the agent types, recent targets first. Opens with the focus in the search field;
 * Escape closes it.
 */
export function TeamCommunicator({ purpose, query, targets, searching, error, busy, onQuery, onClose, onTransfer, onIm, onVoice }: Props) {
  const headingId = useId();
  const search = useRef<HTMLInputElement>(null);
  // A layout effect runs right after the render that opened it, while the opener still has the
  // focus; a plain effect waits for a frame, and under load the agent (or a test) may already be
  // typing in the search field by then, which would become the 'opener'.
  useLayoutEffect(() => {
    // Back to the control that opened it (Instant SMS Transfer or Consult) when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    search.current?.focus();
    return () => opener?.focus();
  }, []);
  // A consultation is with a person: queues are for transfers only.
  const shown = targets?.filter((target) => purpose === 'transfer' || target.kind === 'agent') ?? null;
  let status = '';
  if (shown && shown.length === 0) status = query.trim() ? t('team_no_match', query.trim()) : t('team_no_targets');
  else if (!shown && searching) status = t('team_loading');
  return (
    <section
      class="card team"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header class="team-head">
        <h3 id={headingId}>{t('team_heading')}</h3>
        <button type="button" class="button quiet" onClick={onClose}>
          {t('team_close')}
        </button>
      </header>
      <p class="hint">{purpose === 'transfer' ? t('team_choose_transfer') : t('team_choose_consult')}</p>
      <label class="field">
        <span>{t('team_search')}</span>
        <input type="search" ref={search} value={query} autocomplete="off" maxLength={100} onInput={(e) => onQuery(e.currentTarget.value)} />
      </label>
      <p class="team-status" role="status">
        {status}
      </p>
      <ErrorAlert message={error} />
      {shown && shown.length > 0 && (
        <ul class="targets" aria-label={t('team_results_label')}>
          {shown.map((target) => (
            <TargetRow
              key={target.kind === 'agent' ? `agent:${target.agentId}` : `queue:${target.queue}`}
              target={target}
              purpose={purpose}
              busy={busy}
              onTransfer={onTransfer}
              onIm={onIm}
              onVoice={onVoice}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
