import { useState } from 'preact/hooks';
import { parseServerUrl } from '@/lib/connection/urls';
import { t } from '@/lib/i18n/t';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  defaultServer: string;
  /** IT set the server by policy and does not let the agent change it. */
  serverLocked: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: (server: string, username: string, password: string) => void;
  /** The agent changed a field: an error about what was typed before no longer applies. */
  onEdit: () => void;
}

/**
 * Server address, username and password; errors say what to do next. The form does its own
 * checks (`noValidate`, a text field for the address): the browser's validation bubble would
 * refuse `localhost:8787`, which is completed here to `http://localhost:8787` and shown so in
 * the field (see lib/connection/urls.ts for the rule).
 */
export function SignInForm({ defaultServer, serverLocked, busy, error, onSubmit, onEdit }: Props) {
  const [server, setServer] = useState(defaultServer);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const edit = (set: (value: string) => void) => (event: { currentTarget: HTMLInputElement }) => {
    set(event.currentTarget.value);
    if (error) onEdit();
  };

  return (
    <form
      class="signin card"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseServerUrl(server);
        if (parsed.ok && parsed.origin !== server) setServer(parsed.origin);
        onSubmit(parsed.ok ? parsed.origin : server, username, password);
      }}
    >
      <h1 class="signin-title">{t('signin_heading')}</h1>
      <label class="field">
        <span>{t('signin_server')}</span>
        <input
          type="text"
          inputMode="url"
          spellcheck={false}
          autoCapitalize="off"
          value={server}
          onInput={edit(setServer)}
          autoComplete="url"
          readOnly={serverLocked}
          aria-describedby={serverLocked ? 'signin-server-managed' : undefined}
        />
      </label>
      {serverLocked && (
        <p id="signin-server-managed" class="field-note">
          {t('signin_server_managed')}
        </p>
      )}
      <label class="field">
        <span>{t('signin_username')}</span>
        <input type="text" value={username} onInput={edit(setUsername)} autoComplete="username" autoFocus />
      </label>
      <label class="field">
        <span>{t('signin_password')}</span>
        <input type="password" value={password} onInput={edit(setPassword)} autoComplete="current-password" />
      </label>
      <ErrorAlert message={error} />
      <button type="submit" class="button primary" disabled={busy}>
        {t('signin_submit')}
      </button>
    </form>
  );
}
