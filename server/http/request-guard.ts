import type { RequestListener } from 'node:http';
import { refusedHost, refusedOrigin, type RequestTrust } from './request-trust';
import { sendError } from './respond';

/**
 * Every HTTP request passes here first: a Host header that does not name this server gets 421, a
 * browser page of an untrusted origin gets 403, before any route (or the media route) runs.
 */
export function guardRequests(trust: () => RequestTrust, listener: RequestListener): RequestListener {
  return (req, res) => {
    const rules = trust();
    const { host, origin } = req.headers;
    res.setHeader('Vary', 'Origin');
    if (!rules.hostAllowed(host)) return sendError(res, 'forbidden', refusedHost(host), 421);
    if (rules.originKind(origin, host) === 'foreign') return sendError(res, 'forbidden', refusedOrigin(origin!));
    listener(req, res);
  };
}
