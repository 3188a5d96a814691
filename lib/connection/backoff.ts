/** How long to wait between reconnect attempts. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/**
 * A short cap: a refused connection costs the server almost nothing, and an agent must be back
 * within ~2 s of the server accepting again (p99 over 100 agents: bench/reconnect). The full
 * jitter below keeps 100 agents from arriving at once (on average one every ~8 ms).
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 1500 };

/**
 * Exponential backoff with full jitter: a uniformly random delay in [0, min(cap, base·2^attempt)].
 * Full jitter spreads the reconnects of a whole contact centre after a server restart, instead of
 * every agent knocking at the same instants.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(random() * ceiling);
}
