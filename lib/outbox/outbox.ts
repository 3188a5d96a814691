import type { Command } from '../protocol';

/**
 * A command the agent gave that the server has not answered yet. It keeps its wire `id` across
 * reconnects and service-worker restarts, so the server acts on it once however often it is sent.
 */
export interface OutboxEntry {
  id: string;
  /** The panel request waiting for the answer (a reopened panel still gets it by this id). */
  requestId: string;
  command: Command;
  createdAt: number;
}

export function enqueue(outbox: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  return outbox.some((e) => e.id === entry.id) ? [...outbox] : [...outbox, entry];
}

/** Removes the answered entry; returns it (or undefined when the answer was for nothing pending). */
export function settle(outbox: readonly OutboxEntry[], id: string): { outbox: OutboxEntry[]; settled?: OutboxEntry } {
  const settled = outbox.find((e) => e.id === id);
  return { outbox: outbox.filter((e) => e.id !== id), ...(settled ? { settled } : {}) };
}
