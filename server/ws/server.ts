import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode, retryAfterReason } from '../../lib/protocol';
import type { ServerContext } from '../context';
import { refusedHost, refusedOrigin, requestTrust } from '../http/request-trust';
import { Arrivals } from './arrivals';
import { AgentConnection } from './connection';

export const WS_PATH = '/ws';
/** Frames past this are cut by `ws` itself (1009); smaller oversize ones get `too_large` and the socket stays. */
const HARD_FRAME_LIMIT = 1024 * 1024;

/** Clients told to come back after a restart are spread over this window. */
const RESTART_SPREAD_MS = 1000;

/** Answers an upgrade it will not make with a plain HTTP status and a sentence, then closes. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({ error: { code: status === 404 ? 'not_found' : 'forbidden', message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export interface AgentSocketServer {
  close(): Promise<void>;
}

/** Accepts agent WebSockets at `/ws` on the HTTP server, and drops connections that went silent. */
export function attachAgentSockets(server: Server, ctx: ServerContext): AgentSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(HARD_FRAME_LIMIT, ctx.config.server.maxFrameBytes * 2) });
  const connections = new Set<AgentConnection>();
  const arrivals = new Arrivals(ctx);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found', `Nothing here: ${path.slice(0, 200)}.`);
    // A web page cannot forge Origin: only the extension, configured origins and non-browser
    // clients (no Origin) get an agent socket; and only under one of the server's names.
    const trust = requestTrust(ctx.config);
    const { host, origin } = request.headers;
    if (!trust.hostAllowed(host)) return refuseUpgrade(socket, 421, 'Misdirected Request', refusedHost(host));
    const kind = trust.originKind(origin, host);
    if (kind === 'foreign' || kind === 'same-origin') return refuseUpgrade(socket, 403, 'Forbidden', refusedOrigin(origin!));
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new AgentConnection(ws, ctx, arrivals);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  });

  const timeoutMs = ctx.config.server.heartbeatTimeoutSeconds * 1000;
  const heartbeat = setInterval(
    () => {
      const now = Date.now();
      for (const connection of connections) {
        if (now - connection.lastHeardAt <= timeoutMs) continue;
        ctx.log(`ws: dropping a connection of ${connection.agentId ?? 'nobody'} silent for ${Math.round((now - connection.lastHeardAt) / 1000)} s`);
        connection.close(CloseCode.heartbeatTimeout, 'no frame received in time');
        // A dead peer never completes the closing handshake.
        setTimeout(() => connection.terminate(), 1000).unref();
      }
    },
    Math.min(10_000, Math.max(200, timeoutMs / 4)),
  );

  return {
    async close() {
      clearInterval(heartbeat);
      const open = [...connections];
      const closing = open.map(
        (connection) =>
          new Promise<void>((resolve) => {
            connection.onceClosed(resolve);
            // Each client is told its own moment within a second to come back: no stampede at restart.
            connection.close(CloseCode.goingAway, retryAfterReason(Math.random() * RESTART_SPREAD_MS));
            setTimeout(() => {
              connection.terminate();
              resolve();
            }, 1000).unref();
          }),
      );
      await Promise.all(closing);
      // Frames already being handled finish before the database closes.
      await Promise.all(open.map((connection) => connection.settled()));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
