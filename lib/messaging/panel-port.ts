import type { AgentEvent, AgentState, Command, ErrorCode } from '../protocol';

// The typed conversation between the side panel and the background over one runtime Port.
// The panel opens no network connection: sign-in, commands and events all pass through here.

export const PANEL_PORT_NAME = 'texto-panel';

export type ConnectionPhase = 'signed_out' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionInfo {
  phase: ConnectionPhase;
  /** When the next reconnect attempt is due (epoch ms), while reconnecting or offline. */
  retryAt?: number;
  /** Why the last attempt failed, for the agent to read. */
  lastError?: { code: ErrorCode | 'network'; message: string };
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
  | { type: 'command'; requestId: string; command: Command };

export type PanelReply =
  | { type: 'reply'; requestId: string; ok: true; result?: Record<string, unknown> }
  | { type: 'reply'; requestId: string; ok: false; code: ErrorCode | 'network'; message: string };

export type BackgroundMessage =
  /** The whole picture: sent when the panel connects and whenever the state is replaced. */
  | { type: 'sync'; session: SessionInfo | null; connection: ConnectionInfo; state: AgentState | null }
  | { type: 'event'; event: AgentEvent }
  | { type: 'connection'; connection: ConnectionInfo }
  | PanelReply;
