import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { DirectoryTarget } from '@/lib/protocol';

export type TeamPurpose = 'transfer' | 'consult';

interface Props {
  target: DirectoryTarget;
  purpose: TeamPurpose;
  busy: boolean;
  onTransfer: (target: DirectoryTarget) => void;
  onIm: (agentId: string) => void;
  /** Calls the colleague's extension (the background opens the dialer's URL; the panel never navigates). */
  onVoice: (extension: string) => void;
}

function presenceText(target: Extract<DirectoryTarget, { kind: 'agent' }>): string {
  return t(`team_presence_${target.presence}`);
}

/**
 * One internal target: name, presence in words (its dot is only a second cue), and the actions
 * the purpose allows. Each button is described by its row, so "Instant SMS Transfer" reads as
 * "Instant SMS Transfer, Bob Durand, Ready".
 */
export function TargetRow({ target, purpose, busy, onTransfer, onIm, onVoice }: Props) {
  const describedBy = useId();
  const name = target.kind === 'agent' ? target.name : target.queue;
  const state = target.kind === 'agent' ? presenceText(target) : t('team_queue_ready', String(target.readyAgents));
  const presence = target.kind === 'agent' ? target.presence : target.readyAgents > 0 ? 'ready' : 'offline';
  // Refused by the server anyway; disabled so the agent sees why before trying.
  const reachable = target.kind === 'agent' ? target.presence !== 'offline' && target.presence !== 'busy' : target.readyAgents > 0;
  return (
    <li class={`target ${target.kind}`}>
      <div class="target-who" id={describedBy}>
        <span class="target-name">{name}</span>
        {target.kind === 'queue' && <span class="target-kind">{t('team_queue')}</span>}
        <span class={`presence presence-${presence}`}>
          <span class="dot" aria-hidden="true" />
          {state}
        </span>
        {target.recent && <span class="target-recent">{t('team_recent')}</span>}
      </div>
      <div class="target-actions">
        {purpose === 'transfer' && (
          <button type="button" class="button small" aria-describedby={describedBy} disabled={busy || !reachable} onClick={() => onTransfer(target)}>
            {t('transfer_button')}
          </button>
        )}
        {purpose === 'consult' && target.kind === 'agent' && (
          <>
            <button
              type="button"
              class="button small"
              aria-describedby={describedBy}
              disabled={busy || target.presence === 'offline'}
              onClick={() => onIm(target.agentId)}
            >
              {t('consult_im')}
            </button>
            {target.extension && (
              <button
                type="button"
                class="button small"
                aria-describedby={describedBy}
                title={t('consult_voice_title', target.name, target.extension)}
                onClick={() => target.extension && onVoice(target.extension)}
              >
                {t('consult_voice')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
