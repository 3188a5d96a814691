import { parseServerUrl } from '@/lib/connection/urls';
import type { PanelErrorCode } from '@/lib/messaging/panel-port';
import { ApiError, parseWith, SignInResponse } from '@/lib/protocol';
import type { StoredAuth } from './session-store';

export type SignInOutcome = { ok: true; auth: StoredAuth } | { ok: false; code: PanelErrorCode; message: string };

const TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether anything answers HTTP at `origin`. A sign-in request to a server that is not Texto
 * fails like a network error when that server sends no CORS headers (the browser hides its
 * answer); a `no-cors` request resolves with an opaque response whenever a server answers at all,
 * and fails only when nothing does.
 */
async function answersHttp(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/`, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Signs in over HTTP from the background (the panel opens no connection), under the host
 * permission the panel asked for on this server (the server sends no CORS to the extension).
 * Errors come back as codes the panel turns into text: `network` (nothing answers), `not_texto`
 * (something answers, not as Texto: an HTML page, JSON of another shape), the server's own codes
 * (`unauthorized`, `too_many_attempts`, `unavailable`…) and `internal` for a server error (a Texto
 * `internal` or a 5xx without a Texto body).
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
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    if (!timedOut && (await answersHttp(server.origin))) return { ok: false, code: 'not_texto', message: server.origin };
    return { ok: false, code: 'network', message: server.origin };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = parseWith(ApiError, body);
    if (error.ok) return { ok: false, code: error.value.error.code, message: error.value.error.message };
    if (response.status >= 500) return { ok: false, code: 'internal', message: `HTTP ${response.status}` };
    return { ok: false, code: 'not_texto', message: server.origin };
  }
  const parsed = parseWith(SignInResponse, body);
  if (!parsed.ok) return { ok: false, code: 'not_texto', message: server.origin };
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
