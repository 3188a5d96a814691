import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/t';
import type { ConnectionPhase } from '@/lib/messaging/panel-port';

interface Props {
  phase: ConnectionPhase;
  counts: { inProgress: number; last30Days: number } | undefined;
  children?: ComponentChildren;
}

/**
 * The interaction's connection state, with how many interactions with this contact are in
 * progress and how many happened in the last 30 days beside it, and the participant's actions.
 */
export function ContactBar({ phase, counts, children }: Props) {
  const connected = phase === 'connected';
  return (
    <div class="contact-bar">
      <span class={`connection-dot ${connected ? 'connected' : 'down'}`} aria-hidden="true" />
      <span class="contact-state">
        {connected ? t('contact_state_connected') : t('contact_state_offline')}
        {counts && (
          <>
            {' · '}
            <span class="contact-count">{t('contact_in_progress', String(counts.inProgress))}</span>
            {' · '}
            <span class="contact-count">{t('contact_recent', String(counts.last30Days))}</span>
          </>
        )}
      </span>
      {children}
    </div>
  );
}
