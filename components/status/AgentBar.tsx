import { t } from '@/lib/i18n/t';

/** Who is signed in, and the way out. */
export function AgentBar({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  return (
    <header class="agent-bar">
      <span class="brand" aria-hidden="true">
        Texto
      </span>
      <span class="agent-name">{name}</span>
      <button type="button" class="button quiet" onClick={onSignOut}>
        {t('signout')}
      </button>
    </header>
  );
}
