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
  /** The server is shutting down or restarting; reconnect with backoff. */
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
