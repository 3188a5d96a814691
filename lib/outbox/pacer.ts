import type { OutboxEntry } from './outbox';

/** Commands on the wire at once; the next goes as each is answered. */
export const OUTBOX_IN_FLIGHT = 16;

/**
 * Paces the outbox after a reconnect: a long outbox (an agent who worked offline) goes out
 * `OUTBOX_IN_FLIGHT` at a time, in order, instead of as one burst the server must queue. `send`
 * returns false while the connection is not ready; those entries go at the next `pump`.
 */
export function createOutboxPacer(entries: () => readonly OutboxEntry[], send: (entry: OutboxEntry) => boolean, limit = OUTBOX_IN_FLIGHT) {
  const inFlight = new Set<string>();
  const pump = () => {
    for (const entry of entries()) {
      if (inFlight.size >= limit) return;
      if (inFlight.has(entry.id)) continue;
      if (!send(entry)) return;
      inFlight.add(entry.id);
    }
  };
  return {
    pump,
    /** A new connection: whatever was on the old one is sent again (same ids). */
    reconnected() {
      inFlight.clear();
    },
    answered(id: string) {
      inFlight.delete(id);
      pump();
    },
  };
}
