import { backoffDelay } from '@/lib/connection/backoff';
import { webSocketUrl } from '@/lib/connection/urls';
import type { ConnectionInfo } from '@/lib/messaging/panel-port';
import { CloseCode, parseServerFrame, PROTOCOL_VERSION, retryAfterOf, type ClientFrame, type ServerFrame } from '@/lib/protocol';
import { startKeepalive } from './keepalive';

export interface ConnectionTarget {
  server: string;
  token: string;
}

export interface ConnectionHooks {
  /** The server said welcome: resume and flush the outbox now. */
  onWelcome(welcome: Extract<ServerFrame, { type: 'welcome' }>): void;
  onFrame(frame: ServerFrame): void;
  onInfo(info: ConnectionInfo): void;
  /**
   * The server refused the token, or closed the session (`signedOut`: close code 4002, whose
   * reason says why, e.g. `agent_removed`): the agent must sign in again.
   */
  onUnauthorized(message: string, signedOut?: boolean): void;
}

/**
 * The one WebSocket of the signed-in agent: hello on open, reconnect with exponential backoff and
 * full jitter after any close, an immediate retry on demand, and a keepalive ping.
 */
export function createConnection(hooks: ConnectionHooks) {
  let target: ConnectionTarget | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let info: ConnectionInfo = { phase: 'signed_out' };
  let welcomed = false;
  let keepalive: ReturnType<typeof startKeepalive> | null = null;

  const setInfo = (next: ConnectionInfo) => {
    info = next;
    hooks.onInfo(info);
  };

  const clearRetry = () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };

  const dropSocket = () => {
    keepalive?.stop();
    keepalive = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000, 'bye');
    }
    socket = null;
    welcomed = false;
  };

  /** `askedMs`: the server said when to come back (a close reason `retry-after-ms:<n>`). */
  const scheduleRetry = (lastError?: ConnectionInfo['lastError'], askedMs?: number) => {
    clearRetry();
    if (!target) return;
    const delay = askedMs ?? backoffDelay(attempt);
    attempt += 1;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    setInfo({
      phase: offline ? 'offline' : 'reconnecting',
      retryAt: Date.now() + delay,
      ...(lastError ? { lastError } : {}),
      ...(info.clockOffset !== undefined ? { clockOffset: info.clockOffset } : {}),
    });
    retryTimer = setTimeout(open, delay);
  };

  const handleMessage = (data: unknown) => {
    keepalive?.touch();
    if (typeof data !== 'string') return;
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      console.warn('Texto: ignored a server frame:', parsed.message);
      return;
    }
    const frame = parsed.value;
    if (frame.type === 'welcome') {
      welcomed = true;
      attempt = 0;
      setInfo({ phase: 'connected', clockOffset: frame.serverTime - Date.now() });
      hooks.onWelcome(frame);
      return;
    }
    if (frame.type === 'error' && frame.id === undefined) {
      if (frame.code === 'unauthorized') {
        hooks.onUnauthorized(frame.message);
        return;
      }
      if (frame.code === 'unsupported_version') {
        // Retrying cannot help until the extension or the server is updated.
        const error = { code: frame.code, message: frame.message };
        dropSocket();
        clearRetry();
        setInfo({ phase: 'offline', lastError: error });
        return;
      }
    }
    hooks.onFrame(frame);
  };

  function open() {
    clearRetry();
    dropSocket();
    if (!target) return;
    const current = target;
    if (info.phase === 'signed_out' || info.phase === 'connected') setInfo({ phase: 'connecting' });
    let ws: WebSocket;
    try {
      ws = new WebSocket(webSocketUrl(current.server));
    } catch (error) {
      scheduleRetry({ code: 'network', message: String(error) });
      return;
    }
    socket = ws;
    ws.onopen = () => {
      send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token: current.token });
      keepalive = startKeepalive(
        () => send({ type: 'ping' }),
        () => {
          dropSocket();
          scheduleRetry({ code: 'network', message: 'the server stopped answering' });
        },
      );
    };
    ws.onmessage = (event: MessageEvent) => handleMessage(event.data);
    ws.onclose = (event: CloseEvent) => {
      const wasWelcomed = welcomed;
      dropSocket();
      // The close code says whether a retry can help (lib/protocol/close-codes.ts).
      if (event.code === CloseCode.unauthorized || event.code === CloseCode.signedOut) {
        hooks.onUnauthorized(event.reason, event.code === CloseCode.signedOut);
        return;
      }
      if (event.code === CloseCode.unsupportedVersion) {
        clearRetry();
        setInfo({ phase: 'offline', lastError: { code: 'unsupported_version', message: event.reason } });
        return;
      }
      // After a working connection, the first retry goes fast: the server may just have restarted.
      if (wasWelcomed) attempt = 0;
      const asked = retryAfterOf(event.reason);
      scheduleRetry({ code: 'network', message: asked === undefined && event.reason ? event.reason : `connection closed (${event.code})` }, asked);
    };
  }

  function send(frame: ClientFrame): boolean {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    if (frame.type !== 'hello' && !welcomed) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  return {
    /** Connects to (or switches to) this agent's server and keeps reconnecting until `stop`. */
    start(next: ConnectionTarget) {
      target = next;
      attempt = 0;
      setInfo({ phase: 'connecting' });
      open();
    },
    stop() {
      target = null;
      clearRetry();
      dropSocket();
      setInfo({ phase: 'signed_out' });
    },
    /** The agent asked to retry now (or the network came back). */
    reconnectNow() {
      if (!target || (welcomed && socket?.readyState === WebSocket.OPEN)) return;
      attempt = 0;
      open();
    },
    send,
    get info() {
      return info;
    },
    get isReady() {
      return welcomed;
    },
  };
}

export type Connection = ReturnType<typeof createConnection>;
