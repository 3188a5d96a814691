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
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
