import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ErrorAlert } from '../common/ErrorAlert';

interface Props {
  defaultServer: string;
  busy: boolean;
  error: string | null;
  onSubmit: (server: string, username: string, password: string) => void;
}

/** Server address, username and password; errors say what to do next. */
export function SignInForm({ defaultServer, busy, error, onSubmit }: Props) {
  const [server, setServer] = useState(defaultServer);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  return (
    <form
      class="signin card"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(server, username, password);
      }}
    >
      <h1 class="signin-title">{t('signin_heading')}</h1>
      <label class="field">
        <span>{t('signin_server')}</span>
        <input type="url" value={server} onInput={(e) => setServer(e.currentTarget.value)} autoComplete="url" required />
      </label>
      <label class="field">
        <span>{t('signin_username')}</span>
        <input type="text" value={username} onInput={(e) => setUsername(e.currentTarget.value)} autoComplete="username" autoFocus />
      </label>
      <label class="field">
        <span>{t('signin_password')}</span>
        <input
          type="password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
        />
      </label>
      <ErrorAlert message={error} />
      <button type="submit" class="button primary" disabled={busy}>
        {t('signin_submit')}
      </button>
    </form>
  );
}
