import { signal } from '@preact/signals';
import { requestServerAccess } from '@/lib/connection/server-access';
import { parseServerUrl } from '@/lib/connection/urls';
import { refusalText } from '@/lib/i18n/refusal';
import type { ManagedSettings } from '@/lib/managed-settings/read';
import { t } from '@/lib/i18n/t';
import type { BackgroundMessage, ConnectionInfo, PanelReply, SessionInfo } from '@/lib/messaging/panel-port';
import { SignedOutReason } from '@/lib/protocol';
import { BACKGROUND_LOST, type BackgroundLink } from '../background-link';

/** The sign-in form's server field starts with the local demo server. */
export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

function signInErrorText(reply: Extract<PanelReply, { ok: false }>, server: string): string {
  switch (reply.code) {
    case 'unauthorized':
      return t('signin_error_credentials');
    case 'network':
      // The browser stopped the background mid-sign-in: nothing is known about the server.
      if (reply.message === BACKGROUND_LOST) return t('signin_error_interrupted');
      return t('signin_error_unreachable', reply.message || server);
    case 'not_texto':
      return t('signin_error_not_texto', reply.message || server);
    case 'invalid_url':
      return t('signin_error_url');
    case 'internal':
      return t('signin_error_server', reply.message);
    case 'bad_request':
      return t('signin_error_missing');
    case 'unavailable':
      return t('signin_error_busy');
    case 'too_many_attempts':
      return refusalText(reply.code, reply.message, t);
    default:
      return t('signin_error_other', reply.message);
  }
}

/** Why the background signed the agent out (shown on the sign-in form), or null when the agent asked. */
function signedOutText(because: ConnectionInfo['lastError']): string | null {
  if (because?.code === 'unauthorized') return t('signed_out_expired');
  if (because?.code !== 'signed_out') return null;
  if (because.message === SignedOutReason.agentRemoved) return t('signed_out_agent_removed');
  if (because.message === SignedOutReason.passwordChanged) return t('signed_out_password_changed');
  return t('signed_out_by_server');
}

/** Who is signed in, and the sign-in / sign-out actions (on the server IT set, when it did). */
export function createSessionModel(link: BackgroundLink, managed: ManagedSettings) {
  /** `undefined` until the background has answered: the panel shows nothing rather than a flash of the form. */
  const session = signal<SessionInfo | null | undefined>(undefined);
  const signingIn = signal(false);
  const error = signal<string | null>(null);
  /** The server of the last session this panel saw: the form offers it again after a sign-out. */
  const lastServer = signal(managed.serverUrl ?? DEFAULT_SERVER);
  /** IT set the server and does not let the agent change it: the field is read-only. */
  const serverLocked = !managed.allowServerChange;

  return {
    session,
    signingIn,
    error,
    lastServer,
    serverLocked,
    async signIn(server: string, username: string, password: string) {
      const parsed = parseServerUrl(serverLocked ? managed.serverUrl! : server);
      if (!parsed.ok) {
        error.value = t('signin_error_url');
        return;
      }
      if (!username.trim() || !password) {
        error.value = t('signin_error_missing');
        return;
      }
      signingIn.value = true;
      error.value = null;
      // Before any other await: the browser grants it only during the agent's click.
      if (!(await requestServerAccess(parsed.origin))) {
        signingIn.value = false;
        error.value = t('signin_error_permission', new URL(parsed.origin).host);
        return;
      }
      const reply = await link.request({ type: 'signIn', server: parsed.origin, username: username.trim(), password });
      signingIn.value = false;
      if (!reply.ok) error.value = signInErrorText(reply, server);
    },
    async signOut() {
      await link.request({ type: 'signOut' });
    },
    receive(message: BackgroundMessage) {
      if (message.type !== 'sync') return;
      session.value = message.session;
      if (message.session && !serverLocked) lastServer.value = message.session.server;
      const because = message.session ? null : signedOutText(message.connection.lastError);
      if (because) error.value = because;
    },
    /** The agent edits the form: the last error no longer describes what is typed. */
    edited() {
      error.value = null;
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;
