import { signal } from '@preact/signals';
import { refusalText } from '@/lib/i18n/refusal';
import { t } from '@/lib/i18n/t';
import type { BackgroundMessage, PanelReply, SessionInfo } from '@/lib/messaging/panel-port';
import type { BackgroundLink } from '../background-link';

/** The sign-in form's server field starts with the local demo server. */
export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

function signInErrorText(reply: Extract<PanelReply, { ok: false }>, server: string): string {
  switch (reply.code) {
    case 'unauthorized':
      return t('signin_error_credentials');
    case 'network':
      return t('signin_error_unreachable', server);
    case 'invalid_url':
      return t('signin_error_url');
    case 'bad_request':
      return t('signin_error_missing');
    case 'too_many_attempts':
      return refusalText(reply.code, reply.message, t);
    default:
      return t('signin_error_other', reply.message);
  }
}

/** Who is signed in, and the sign-in / sign-out actions. */
export function createSessionModel(link: BackgroundLink) {
  /** `undefined` until the background has answered: the panel shows nothing rather than a flash of the form. */
  const session = signal<SessionInfo | null | undefined>(undefined);
  const signingIn = signal(false);
  const error = signal<string | null>(null);

  return {
    session,
    signingIn,
    error,
    async signIn(server: string, username: string, password: string) {
      if (!username.trim() || !password) {
        error.value = t('signin_error_missing');
        return;
      }
      signingIn.value = true;
      error.value = null;
      const reply = await link.request({ type: 'signIn', server, username: username.trim(), password });
      signingIn.value = false;
      if (!reply.ok) error.value = signInErrorText(reply, server);
    },
    async signOut() {
      await link.request({ type: 'signOut' });
    },
    receive(message: BackgroundMessage) {
      if (message.type !== 'sync') return;
      session.value = message.session;
      if (!message.session && message.connection.lastError?.code === 'unauthorized') {
        error.value = t('signed_out_expired');
      }
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;
