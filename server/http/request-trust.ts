import { isIP } from 'node:net';
import type { TextoConfig } from '../config';

// Who may talk to the server from a browser. Two checks, both needed:
// - the Host header must be one of the server's names (or an IP address): a web page that rebinds
//   its own domain name to 127.0.0.1 sends its own name, and is refused;
// - the Origin header, which browsers set and pages cannot forge: the extension, the server's own
//   pages, configured web origins, or no browser at all (carriers, scripts, tests).

/** Browser-extension origins: Chrome's per-extension id, Firefox's per-install random UUID. */
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

export type OriginKind =
  /** No Origin header: not a browser page (a carrier, a script, the `ws` client). */
  | 'none'
  | 'extension'
  /** A page this server served (the phone simulator). */
  | 'same-origin'
  /** One of `server.allowedOrigins`: answered with CORS. */
  | 'allowed'
  | 'foreign';

export interface RequestTrust {
  /** Whether `host` (the Host header: a name or address, maybe with a port) names this server. */
  hostAllowed(host: string | undefined): boolean;
  originKind(origin: string | undefined, host: string | undefined): OriginKind;
}

/** The name part of a Host header value: `Texto.Example.com:443` → `texto.example.com`, `[::1]:80` → `::1`. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
}

const trustByConfig = new WeakMap<TextoConfig, RequestTrust>();

/** The rules of one configuration (computed once per configuration: a reload brings new ones). */
export function requestTrust(config: TextoConfig): RequestTrust {
  let trust = trustByConfig.get(config);
  if (!trust) {
    trust = buildTrust(config);
    trustByConfig.set(config, trust);
  }
  return trust;
}

function buildTrust(config: TextoConfig): RequestTrust {
  const names = new Set(['localhost', ...config.server.hostNames]);
  for (const gateway of config.gateways) names.add(new URL(gateway.publicUrl).hostname.toLowerCase());
  const allowed = new Set(config.server.allowedOrigins);
  const hostAllowed = (host: string | undefined) => {
    if (!host) return false;
    const name = hostName(host);
    return isIP(name) !== 0 || names.has(name);
  };
  return {
    hostAllowed,
    originKind(origin, host) {
      if (origin === undefined) return 'none';
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return 'foreign';
      }
      if (EXTENSION_SCHEMES.has(url.protocol)) return 'extension';
      if (allowed.has(origin)) return 'allowed';
      if ((url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && hostAllowed(host) && url.host === host.toLowerCase()) {
        return 'same-origin';
      }
      return 'foreign';
    },
  };
}

/** What a refused request is told (the HTTP answer and the WebSocket upgrade say the same). */
export const refusedHost = (host: string | undefined): string =>
  `This server does not answer to the name "${(host ?? '').slice(0, 100)}". If it is one of its names, add it to server.hostNames in the configuration.`;

export const refusedOrigin = (origin: string): string =>
  `Pages at ${origin.slice(0, 200)} may not call this server. Use the Texto extension, or add that origin to server.allowedOrigins in the configuration.`;
