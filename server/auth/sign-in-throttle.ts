/**
 * Slows down password guessing: after `freeAttempts` wrong passwords in a row for one username from
 * one address, that pair must wait before trying again, twice as long after each further failure
 * (up to `maxLockSeconds`). A right password clears the count. Keyed by username *and* address so
 * that a stranger cannot lock a colleague out from elsewhere. Kept in memory: a restart forgives.
 */
export interface ThrottlePolicy {
  freeAttempts: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

interface Failures {
  count: number;
  lockedUntil: number;
  lastFailure: number;
}

/** Forget a pair this long after its last failure (and after any lock it earned has passed). */
const FORGET_AFTER_MS = 15 * 60_000;
/** Bounds memory under a spray of usernames: the stalest entries go first. */
const MAX_TRACKED = 10_000;

export class SignInThrottle {
  readonly #failures = new Map<string, Failures>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /**
   * Called before the password is checked. Answers how many seconds this pair must still wait, or
   * 0 after counting this attempt as a failure, which a right password then clears: counting up
   * front means guesses sent in parallel cannot all slip in before the first one fails.
   */
  attempt(key: string, now: number): number {
    const entry = this.#failures.get(key) ?? { count: 0, lockedUntil: 0, lastFailure: now };
    const wait = Math.ceil((entry.lockedUntil - now) / 1000);
    if (wait > 0) return wait;
    entry.count += 1;
    entry.lastFailure = now;
    const beyond = entry.count - this.policy.freeAttempts;
    if (beyond >= 0) {
      const seconds = Math.min(this.policy.lockSeconds * 2 ** Math.min(beyond, 20), this.policy.maxLockSeconds);
      entry.lockedUntil = now + seconds * 1000;
    }
    // Re-inserting keeps the Map in least-recently-failed order for pruning.
    this.#failures.delete(key);
    this.#failures.set(key, entry);
    this.#prune(now);
    return 0;
  }

  succeeded(key: string): void {
    this.#failures.delete(key);
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#failures) {
      const stale = now - entry.lastFailure > FORGET_AFTER_MS && now > entry.lockedUntil;
      if (!stale && this.#failures.size <= MAX_TRACKED) break;
      this.#failures.delete(key);
    }
  }
}

export const throttleKey = (username: string, address: string | undefined): string =>
  `${username.trim().toLowerCase()}\n${address ?? ''}`;
