/**
 * Slows down password spraying: one address trying many usernames, each below the per-username
 * limit of `SignInThrottle`. Each address holds a bucket of `perMinute` attempts that refills at
 * `perMinute` a minute; every sign-in takes one before its password is checked (so a burst sent
 * at once cannot slip past) and a right password gives it back, so agents who type their password
 * right never run the bucket down, however many share the address. Kept in memory: a restart
 * forgives.
 */
interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Bounds memory under attempts from many addresses: the stalest go first. */
const MAX_TRACKED = 10_000;

export class AddressThrottle {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(private readonly perMinute: number) {
    this.#perMs = perMinute / 60_000;
  }

  /** Seconds this address must wait before its next attempt, or 0 after taking one. */
  attempt(address: string, now: number): number {
    const bucket = this.#refilled(address, now);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
    bucket.tokens -= 1;
    this.#buckets.delete(address);
    this.#buckets.set(address, bucket);
    this.#prune(now);
    return 0;
  }

  /** The attempt was not a wrong password (right, or refused before any check): its token returns. */
  giveBack(address: string, now: number): void {
    const bucket = this.#refilled(address, now);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + 1);
  }

  #refilled(address: string, now: number): Bucket {
    const bucket = this.#buckets.get(address) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
    bucket.updatedAt = now;
    if (!this.#buckets.has(address)) this.#buckets.set(address, bucket);
    return bucket;
  }

  #prune(now: number): void {
    for (const [address, bucket] of this.#buckets) {
      const full = bucket.tokens + (now - bucket.updatedAt) * this.#perMs >= this.perMinute;
      if (!full && this.#buckets.size <= MAX_TRACKED) break;
      this.#buckets.delete(address);
    }
  }
}

/**
 * The address a spray is counted by: an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64, the block one subscriber usually holds whole.
 */
export function sprayAddress(remote: string | undefined): string {
  if (!remote) return 'unknown';
  const address = remote.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...before, ...Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after] : before;
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}
