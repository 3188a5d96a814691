import type { PanelErrorCode } from '@/lib/messaging/panel-port';
import { ApiError, parseWith, StandardResponseLibrary } from '@/lib/protocol';
import type { StoredAuth } from './session-store';

export type ResponsesOutcome =
  | { ok: true; result: StandardResponseLibrary }
  | { ok: false; code: PanelErrorCode; message: string };

const TIMEOUT_MS = 10_000;

/**
 * Fetches the standard responses library for the panel (which opens no connection itself and
 * keeps the library in IndexedDB). Only asked for when the welcome announces another version.
 */
export async function fetchResponses(auth: StoredAuth): Promise<ResponsesOutcome> {
  let response: Response;
  try {
    response = await fetch(`${auth.server}/api/responses`, {
      headers: { authorization: `Bearer ${auth.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch {
    return { ok: false, code: 'network', message: auth.server };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = parseWith(ApiError, body);
    return error.ok ? { ok: false, ...error.value.error } : { ok: false, code: 'internal', message: `HTTP ${response.status}` };
  }
  const library = parseWith(StandardResponseLibrary, body);
  return library.ok ? { ok: true, result: library.value } : { ok: false, code: 'internal', message: library.message };
}
