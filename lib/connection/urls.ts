/** Why a server address typed by the agent cannot be used. */
export type ServerUrlProblem = 'invalid_url';

export type ServerUrl = { ok: true; origin: string } | { ok: false; problem: ServerUrlProblem };

/**
 * Normalizes the server address the agent typed: http(s) only, no credentials, no path, query or
 * fragment; the result is the origin used for HTTP and, with ws(s), for the WebSocket.
 */
export function parseServerUrl(input: string): ServerUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'invalid_url' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'invalid_url' };
  if (url.pathname !== '/' && url.pathname !== '') return { ok: false, problem: 'invalid_url' };
  return { ok: true, origin: url.origin };
}

/** The agent WebSocket address of a server origin: http → ws, https → wss, path /ws. */
export function webSocketUrl(origin: string): string {
  const url = new URL('/ws', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
