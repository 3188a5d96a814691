/** Why a server address typed by the agent cannot be used. */
export type ServerUrlProblem = 'invalid_url';

export type ServerUrl = { ok: true; origin: string } | { ok: false; problem: ServerUrlProblem };

/** `scheme://…`: the agent wrote a scheme (maybe not http). */
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `javascript:…`, `mailto:x`: a scheme without `//`, not a host followed by a port (`localhost:8080`). */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const PRIVATE_IPV4 = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)\d{1,3}\.\d{1,3}(\.\d{1,3})?$/;

/**
 * The scheme an address typed without one gets: `http://` for this computer (`localhost`,
 * 127.x, [::1]), a private IPv4 address (10.x, 172.16–31.x, 192.168.x) or a name without a dot
 * (`texto-server`: a machine of the local network), where servers commonly run without TLS;
 * `https://` for a domain name (`texto.example.com`).
 */
export function schemeFor(hostAndRest: string): 'http://' | 'https://' {
  const host = /^\[[^\]]*\]|^[^/:?#]*/.exec(hostAndRest)![0].toLowerCase();
  if (host === 'localhost' || host === '[::1]' || PRIVATE_IPV4.test(host) || !host.includes('.')) return 'http://';
  return 'https://';
}

/**
 * Normalizes the server address the agent typed: http(s) only, no credentials, no path, query or
 * fragment; the result is the origin used for HTTP and, with ws(s), for the WebSocket. An address
 * without a scheme (`localhost:8787`, `texto.example.com`) is completed by `schemeFor`.
 */
export function parseServerUrl(input: string): ServerUrl {
  const typed = input.trim();
  if (!typed || (!WITH_SCHEME.test(typed) && OTHER_SCHEME.test(typed))) return { ok: false, problem: 'invalid_url' };
  const full = WITH_SCHEME.test(typed) ? typed : `${schemeFor(typed)}${typed}`;
  let url: URL;
  try {
    url = new URL(full);
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
