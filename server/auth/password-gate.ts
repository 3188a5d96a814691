/**
 * Password checks (scrypt: ~50 ms of a libuv thread each) go through here, a few at a time, so
 * that a flood of sign-ins cannot take every thread the database files and media also need, and
 * cannot make one address's burst delay everyone else's: waiting checks are taken round-robin by
 * address. The queue is bounded: past it a sign-in is refused at once rather than left to time out,
 * with a 429 when its own address has too many waiting. When the whole queue is full, a newcomer
 * pushes out the latest check of the address with the most waiting (which gets that 429), so an
 * address with nothing waiting always gets in; a 503 only when every address waits as much.
 */
export interface GateLimits {
  /** Checks running at once (libuv's pool has 4 threads by default: leave some to the files). */
  concurrent: number;
  /** Checks waiting, all addresses together. */
  queued: number;
  /** Checks waiting from one address. */
  queuedPerAddress: number;
}

export const PASSWORD_GATE_LIMITS: GateLimits = { concurrent: 2, queued: 128, queuedPerAddress: 32 };

export class GateFull extends Error {
  override name = 'GateFull';
  constructor(
    /** `address`: this address has too many checks waiting; `server`: the whole queue is full. */
    readonly who: 'address' | 'server',
  ) {
    super(who === 'address' ? 'too many sign-ins waiting from this address' : 'too many sign-ins waiting');
  }
}

interface Waiting {
  start(): void;
  refuse(full: GateFull): void;
}

export class PasswordGate {
  #running = 0;
  #queued = 0;
  /** Waiting checks by address; the Map's order is the round-robin order. */
  readonly #waiting = new Map<string, Waiting[]>();

  constructor(private readonly limits: GateLimits = PASSWORD_GATE_LIMITS) {}

  /** Runs `check` when a slot is free; throws `GateFull` at once when the queue is full. */
  run<T>(address: string, check: () => Promise<T>): Promise<T> {
    if (this.#running < this.limits.concurrent && this.#queued === 0) return this.#start(check);
    const mine = this.#waiting.get(address) ?? [];
    if (mine.length >= this.limits.queuedPerAddress) return Promise.reject(new GateFull('address'));
    if (this.#queued >= this.limits.queued && !this.#pushOutLongerThan(mine.length + 1)) return Promise.reject(new GateFull('server'));
    return new Promise<T>((resolve, reject) => {
      mine.push({ start: () => void this.#start(check).then(resolve, reject), refuse: reject });
      this.#waiting.set(address, mine);
      this.#queued += 1;
    });
  }

  /** Refuses the latest waiting check of the longest queue, if it is longer than `length`. */
  #pushOutLongerThan(length: number): boolean {
    let longest: [string, Waiting[]] | undefined;
    for (const entry of this.#waiting) if (entry[1].length > (longest?.[1].length ?? 0)) longest = entry;
    if (!longest || longest[1].length <= length) return false;
    const [address, queue] = longest;
    queue.pop()!.refuse(new GateFull('address'));
    if (queue.length === 0) this.#waiting.delete(address);
    this.#queued -= 1;
    return true;
  }

  async #start<T>(check: () => Promise<T>): Promise<T> {
    this.#running += 1;
    try {
      return await check();
    } finally {
      this.#running -= 1;
      this.#next();
    }
  }

  /** Starts the first waiting check of the next address in turn, which then goes to the back. */
  #next(): void {
    const [address, queue] = this.#waiting.entries().next().value ?? [];
    if (address === undefined || !queue) return;
    const waiting = queue.shift()!;
    this.#waiting.delete(address);
    if (queue.length > 0) this.#waiting.set(address, queue);
    this.#queued -= 1;
    waiting.start();
  }
}
