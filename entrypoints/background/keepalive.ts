/** Every 20 s: Chrome keeps an extension service worker alive while WebSocket traffic flows. */
export const PING_INTERVAL_MS = 20_000;
/** No frame at all for this long means the socket is dead even if the OS has not noticed. */
export const SILENCE_LIMIT_MS = 2 * PING_INTERVAL_MS + 5_000;

/**
 * Pings on a timer and reports a socket that stopped answering. `touch()` is called on every
 * frame received; `onDead` fires (once) when nothing came for SILENCE_LIMIT_MS.
 */
export function startKeepalive(ping: () => void, onDead: () => void): { touch(): void; stop(): void } {
  let lastHeard = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - lastHeard > SILENCE_LIMIT_MS) {
      clearInterval(timer);
      onDead();
      return;
    }
    ping();
  }, PING_INTERVAL_MS);
  return {
    touch() {
      lastHeard = Date.now();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
