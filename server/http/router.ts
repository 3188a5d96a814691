import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { DomainError } from '../domain/errors';
import type { RequestTrust } from './request-trust';
import { HttpError, sendError, sendNoContent } from './respond';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface Route {
  path: string;
  GET?: RouteHandler;
  POST?: RouteHandler;
  /**
   * The agent API: answered with CORS to the configured `server.allowedOrigins` (the extension
   * itself needs no CORS: it holds a host permission for its server).
   */
  cors?: boolean;
}

function corsHeaders(origin: string, methods: readonly string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(', '),
    'Access-Control-Max-Age': '600',
  };
}

/** Dispatches by exact path and method; every failure becomes a JSON error and the process stays up. */
export function createRequestListener(routes: Route[], trust: () => RequestTrust, log: (line: string) => void): RequestListener {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = byPath.get(url.pathname);
    const methods = route ? (['GET', 'POST'] as const).filter((m) => route[m]) : [];
    const origin = req.headers.origin;
    if (route?.cors && trust().originKind(origin, req.headers.host) === 'allowed') {
      for (const [name, value] of Object.entries(corsHeaders(origin!, methods))) res.setHeader(name, value);
    }

    if (!route) return sendError(res, 'not_found', `Nothing here: ${req.method} ${url.pathname.slice(0, 200)}.`);
    if (req.method === 'OPTIONS') return sendNoContent(res, { Allow: [...methods, 'OPTIONS'].join(', ') });
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const handler = method === 'GET' || method === 'POST' ? route[method] : undefined;
    if (!handler) {
      return sendError(res, 'bad_request', `${url.pathname} answers ${methods.join(' and ')} only, not ${req.method}.`, 405, {
        Allow: [...methods, 'OPTIONS'].join(', '),
      });
    }
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((error: unknown) => {
        if (error instanceof HttpError) return sendError(res, error.code, error.message, error.status, error.headers);
        if (error instanceof DomainError) return sendError(res, error.code, error.message);
        log(`http: ${req.method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendError(res, 'internal', 'The server failed on this request (the error was logged). Try again.');
      });
  };
}
