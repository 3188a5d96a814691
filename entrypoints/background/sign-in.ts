import { parseServerUrl } from '@/lib/connection/urls';
import type { PanelErrorCode } from '@/lib/messaging/panel-port';
import { ApiError, parseWith, SignInResponse } from '@/lib/protocol';
import type { StoredAuth } from './session-store';

export type SignInOutcome = { ok: true; auth: StoredAuth } | { ok: false; code: PanelErrorCode; message: string };

const TIMEOUT_MS = 10_000;

/**
 * Signs in over HTTP from the background (the panel opens no connection). The server answers
 * CORS, so no host permission is needed. Errors come back as codes the panel turns into text.
 */
export async function signIn(serverInput: string, username: string, password: string): Promise<SignInOutcome> {
  const server = parseServerUrl(serverInput);
  if (!server.ok) return { ok: false, code: 'invalid_url', message: serverInput };
  let response: Response;
  try {
    response = await fetch(`${server.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch {
    return { ok: false, code: 'network', message: server.origin };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = parseWith(ApiError, body);
    if (error.ok) return { ok: false, code: error.value.error.code, message: error.value.error.message };
    return { ok: false, code: 'internal', message: `HTTP ${response.status}` };
  }
  const parsed = parseWith(SignInResponse, body);
  if (!parsed.ok) return { ok: false, code: 'internal', message: parsed.message };
  return { ok: true, auth: { server: server.origin, token: parsed.value.token, agent: parsed.value.agent } };
}

/** Revokes the token on the server. Best effort: signing out locally must work offline too. */
export async function signOutOnServer(auth: StoredAuth): Promise<void> {
  try {
    await fetch(`${auth.server}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth.token}` },
      signal: AbortSignal.timeout(5_000),
      credentials: 'omit',
    });
  } catch {
    // The server is unreachable: the token expires there on its own.
  }
}
