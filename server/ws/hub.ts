/** What the hub needs from a live agent connection. */
export interface LiveConnection {
  readonly agentId: string | undefined;
  readonly tokenHash: string | undefined;
  /** Sends the agent's stored events this connection has not sent yet. */
  deliver(): Promise<void>;
  close(code: number, reason: string): void;
  /** Sends the agent's settings as the running configuration gives them now (after a reload). */
  pushSettings(): void;
}

/** The live connections of each agent: who to wake when an agent's events change. */
export class ConnectionHub {
  private readonly byAgent = new Map<string, Set<LiveConnection>>();

  add(connection: LiveConnection & { agentId: string }): void {
    const set = this.byAgent.get(connection.agentId) ?? new Set();
    set.add(connection);
    this.byAgent.set(connection.agentId, set);
  }

  remove(connection: LiveConnection): void {
    if (!connection.agentId) return;
    const set = this.byAgent.get(connection.agentId);
    set?.delete(connection);
    if (set?.size === 0) this.byAgent.delete(connection.agentId);
  }

  /** Wakes every connection of the agent; resolves when they have sent what is new. */
  async notify(agentId: string): Promise<void> {
    const set = this.byAgent.get(agentId);
    if (set) await Promise.all([...set].map((connection) => connection.deliver()));
  }

  /** Closes the connections opened with one token (signed out). */
  closeToken(tokenHash: string, code: number, reason: string): void {
    for (const set of this.byAgent.values()) {
      for (const connection of set) if (connection.tokenHash === tokenHash) connection.close(code, reason);
    }
  }

  /** Closes every connection of one agent (removed from the configuration, password changed). */
  closeAgent(agentId: string, code: number, reason: string): void {
    for (const connection of this.byAgent.get(agentId) ?? []) connection.close(code, reason);
  }

  /** Every live connection that said hello. */
  all(): LiveConnection[] {
    return [...this.byAgent.values()].flatMap((set) => [...set]);
  }

  count(): number {
    let n = 0;
    for (const set of this.byAgent.values()) n += set.size;
    return n;
  }
}
