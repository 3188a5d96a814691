/**
 * WebSocket close codes the server uses (4000–4999 is the application range). The client can
 * tell from the code whether reconnecting makes sense.
 */
export const CloseCode = {
  /** `hello` carried another protocol version: update the extension, do not retry as is. */
  unsupportedVersion: 4000,
  /** The token is missing, wrong or expired: sign in again. */
  unauthorized: 4001,
  /** The agent signed out with this token (maybe from another window). */
  signedOut: 4002,
  /** Nothing arrived for the heartbeat timeout (the client pings every 20 s); reconnect. */
  heartbeatTimeout: 4008,
  /** No `hello` within the server's hello timeout; reconnect and say hello first. */
  helloTimeout: 4003,
  /** The client sent frames faster than any extension does for too long; reconnect with backoff. */
  flooding: 4029,
  /** The client stopped reading: its unsent output passed the server's bound. */
  notReading: 4030,
  /** The server is shutting down or restarting; reconnect with backoff (see `retryAfterOf`). */
  goingAway: 1001,
} as const;
/**
 * Why the server closed with `signedOut` when the agent did not ask (the close's reason text), so
 * that the panel can say it in the agent's language.
 */
export const SignedOutReason = {
  /** The administrator removed the agent from the configuration. */
  agentRemoved: 'agent_removed',
  /** The administrator changed the agent's password in the configuration. */
  passwordChanged: 'password_changed',
} as const;
export type SignedOutReason = (typeof SignedOutReason)[keyof typeof SignedOutReason];

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * A close reason may say when to come back: `retry-after-ms:<n>` (the server spreads clients over
 * a window so that a restart is not met by every agent in the same millisecond).
 */
export const retryAfterReason = (ms: number): string => `retry-after-ms:${Math.max(0, Math.round(ms))}`;

/** The delay a close reason asks for, or undefined. */
export function retryAfterOf(reason: string): number | undefined {
  const match = /^retry-after-ms:(\d{1,6})$/.exec(reason);
  return match ? Number(match[1]) : undefined;
}
