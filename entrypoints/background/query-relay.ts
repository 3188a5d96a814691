import type { PanelErrorCode } from '@/lib/messaging/panel-port';
import { parseWith, Query, type ClientFrame, type QueryResult } from '@/lib/protocol';

type Outcome = { ok: true; result: QueryResult } | { ok: false; code: PanelErrorCode; message: string };

/** A read that waits longer than this is answered `network` (the panel then shows its cache). */
const QUERY_TIMEOUT_MS = 15_000;
const NOT_CONNECTED = 'The server cannot be reached right now.';

/**
 * Reads from the panel: sent only while connected, never stored in the outbox (a read is simply
 * asked again), each answered once: by the server's `result`/`error`, or `network` when the
 * connection drops or the answer takes too long.
 */
export function createQueryRelay(send: (frame: ClientFrame) => boolean, reply: (requestId: string, outcome: Outcome) => void) {
  const pending = new Map<string, { requestId: string; timer: ReturnType<typeof setTimeout> }>();

  const finish = (id: string, outcome: Outcome) => {
    const entry = pending.get(id);
    if (!entry) return false;
    pending.delete(id);
    clearTimeout(entry.timer);
    reply(entry.requestId, outcome);
    return true;
  };

  return {
    ask(requestId: string, query: unknown, connected: boolean) {
      const parsed = parseWith(Query, query);
      if (!parsed.ok) return reply(requestId, { ok: false, code: 'bad_request', message: parsed.message });
      if (!connected) return reply(requestId, { ok: false, code: 'network', message: NOT_CONNECTED });
      const id = crypto.randomUUID();
      const timer = setTimeout(() => finish(id, { ok: false, code: 'network', message: NOT_CONNECTED }), QUERY_TIMEOUT_MS);
      pending.set(id, { requestId, timer });
      if (!send({ type: 'query', id, query: parsed.value })) finish(id, { ok: false, code: 'network', message: NOT_CONNECTED });
    },
    /** The server's answer; false when the id is not a pending read (it may be a command's). */
    settle(id: string, outcome: Outcome): boolean {
      return finish(id, outcome);
    },
    /** The connection went down: nothing in flight will be answered. */
    failAll() {
      for (const id of [...pending.keys()]) finish(id, { ok: false, code: 'network', message: NOT_CONNECTED });
    },
  };
}
