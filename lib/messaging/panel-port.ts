import type { AgentEvent, AgentSettings, AgentState, Command, ErrorCode, Query } from '../protocol';

// The typed conversation between the side panel and the background over one runtime Port.
// The panel opens no network connection: sign-in, commands and events all pass through here.

export const PANEL_PORT_NAME = 'texto-panel';

export type ConnectionPhase = 'signed_out' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * What can go wrong as the panel sees it: the server's codes, plus `network` (the server cannot
 * be reached), `invalid_url` (the server address typed at sign-in is not usable), `not_texto`
 * (the address answers, but not as a Texto server) and `signed_out` (the server closed the
 * session with code 4002; the message is the close reason, `SignedOutReason` or `signed out`).
 */
export type PanelErrorCode = ErrorCode | 'network' | 'invalid_url' | 'not_texto' | 'signed_out';

export interface ConnectionInfo {
  phase: ConnectionPhase;
  /** When the next reconnect attempt is due (epoch ms), while reconnecting. */
  retryAt?: number;
  /** Why the last attempt failed (or, when signed out, why the agent was signed out). */
  lastError?: { code: PanelErrorCode; message: string };
  /** Server clock minus local clock (ms), from the last welcome: offer deadlines are server times. */
  clockOffset?: number;
}

export interface SessionInfo {
  server: string;
  agentId: string;
  username: string;
  name: string;
}

export type PanelRequest =
  | { type: 'signIn'; requestId: string; server: string; username: string; password: string }
  | { type: 'signOut'; requestId: string }
  | { type: 'command'; requestId: string; command: Command }
  /** A read from the server: answered at once with `network` when not connected (never queued). */
  | { type: 'query'; requestId: string; query: Query }
  /** Try the connection now instead of waiting for the backoff. */
  | { type: 'reconnect'; requestId: string }
  /**
   * What this panel shows now (an interaction or consultation id), or null when it shows none or
   * is hidden: messages there are read, messages elsewhere count as unread.
   */
  | { type: 'viewing'; requestId: string; key: string | null }
  /** The standard responses library from the server (reply `result`: a StandardResponseLibrary). */
  | { type: 'fetchResponses'; requestId: string }
  /**
   * Open a click-to-dial or click-to-email target (`http(s)`, `tel:`, `sip:`, `callto:`, `mailto:`)
   * from the background, so that the panel never navigates (see entrypoints/background/open-target.ts).
   */
  | { type: 'openTarget'; requestId: string; url: string };

export type PanelReply =
  | { type: 'reply'; requestId: string; ok: true; result?: Record<string, unknown> }
  | { type: 'reply'; requestId: string; ok: false; code: PanelErrorCode; message: string };

export type BackgroundMessage =
  /** The whole picture: sent when the panel connects and whenever the state is replaced. */
  | {
      type: 'sync';
      session: SessionInfo | null;
      connection: ConnectionInfo;
      state: AgentState | null;
      /** The agent's permissions and configured settings (null until the first welcome). */
      settings: AgentSettings | null;
      /** Unread messages per interaction or consultation id. */
      unread: Readonly<Record<string, number>>;
    }
  | { type: 'unread'; unread: Readonly<Record<string, number>> }
  | { type: 'event'; seq: number; event: AgentEvent }
  | { type: 'connection'; connection: ConnectionInfo }
  /** Click-to-SMS: open New SMS with this number filled in (docs/consent.md). */
  | { type: 'newSms'; phone: string }
  | PanelReply;

/** A request as the panel writes it; the link adds the `requestId`. */
export type PanelRequestBody = PanelRequest extends infer R ? (R extends PanelRequest ? Omit<R, 'requestId'> : never) : never;

const REQUEST_TYPES = new Set<PanelRequest['type']>(['signIn', 'signOut', 'command', 'reconnect', 'viewing', 'query', 'fetchResponses', 'openTarget']);

/** Shape check of what arrives on the Port: even our own panel's messages are checked before use. */
export function isPanelRequest(message: unknown): message is PanelRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, requestId } = message as { type?: unknown; requestId?: unknown };
  return typeof requestId === 'string' && REQUEST_TYPES.has(type as PanelRequest['type']);
}
