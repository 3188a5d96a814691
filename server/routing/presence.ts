/**
 * Which agents are at their desk, as far as this process can tell (in memory: live WebSocket
 * connections are per process). A disconnected agent stays routable for a short grace so that a
 * network blip or a service-worker restart does not lose its offers. After a server restart every
 * agent is treated as just disconnected, so offers made before the restart survive a quick reconnect.
 */
export class Presence {
  private readonly connections = new Map<string, number>();
  private readonly lastSeenAt = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly startedAt = Date.now();

  /**
   * `onGraceOver` runs when some agent's grace may have ended: it withdraws the offers of agents
   * that are no longer present and re-routes them.
   */
  constructor(
    private readonly graceMs: number,
    private readonly onGraceOver: () => void,
  ) {
    this.after(graceMs);
  }

  connected(agentId: string): void {
    this.connections.set(agentId, (this.connections.get(agentId) ?? 0) + 1);
  }

  disconnected(agentId: string): void {
    const left = (this.connections.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.connections.set(agentId, left);
      return;
    }
    this.connections.delete(agentId);
    this.lastSeenAt.set(agentId, Date.now());
    this.after(this.graceMs);
  }

  isConnected(agentId: string): boolean {
    return (this.connections.get(agentId) ?? 0) > 0;
  }

  /** May get new offers: connected, or disconnected (from this process) within the grace. */
  mayReceiveOffers(agentId: string, now = Date.now()): boolean {
    if (this.isConnected(agentId)) return true;
    const seen = this.lastSeenAt.get(agentId);
    return seen !== undefined && now < seen + this.graceMs;
  }

  /** May keep the offers it has: also true for everyone during the grace after this process started. */
  mayKeepOffers(agentId: string, now = Date.now()): boolean {
    return this.mayReceiveOffers(agentId, now) || now < this.startedAt + this.graceMs;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private after(ms: number): void {
    // A few milliseconds late so that the grace is over when the check runs.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.onGraceOver();
    }, ms + 20);
    this.timers.add(timer);
  }
}
