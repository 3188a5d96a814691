import * as v from 'valibot';
import { AgentSettings, AgentState, Command, Id, Seq } from '../protocol';
import type { OutboxEntry } from '../outbox/outbox';

/** Bump when the stored desk's shape changes; an older or unknown version is not used as it is. */
export const DESK_VERSION = 2;

const StoredOutboxEntry = v.object({ id: Id, requestId: v.string(), command: Command, createdAt: v.number() });

/** What the background keeps between worker stops and browser restarts, as read back: checked, never trusted. */
export const StoredDeskSchema = v.object({
  version: v.literal(DESK_VERSION),
  agentId: v.string(),
  lastSeq: Seq,
  state: v.nullable(AgentState),
  settings: v.nullable(AgentSettings),
  outbox: v.array(StoredOutboxEntry),
  notifiedOffers: v.array(v.string()),
  unread: v.optional(v.record(v.string(), v.number())),
});
export type StoredDeskRecord = v.InferOutput<typeof StoredDeskSchema>;

export type RestoredDesk =
  | { kind: 'intact'; desk: StoredDeskRecord }
  /**
   * Unreadable (another version, a corrupt or hand-edited copy): the state is dropped — the server
   * sends a fresh snapshot (lastSeq 0) — but every outbox entry that still reads as a command is
   * kept, so nothing the agent sent is lost.
   */
  | { kind: 'replaced'; agentId: string | undefined; outbox: OutboxEntry[]; problem: string };

export function restoreDesk(stored: unknown): RestoredDesk | null {
  if (stored === undefined || stored === null) return null;
  const parsed = v.safeParse(StoredDeskSchema, stored);
  if (parsed.success) return { kind: 'intact', desk: parsed.output };
  const record = typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const outbox = Array.isArray(record.outbox)
    ? record.outbox.flatMap((entry) => {
        const one = v.safeParse(StoredOutboxEntry, entry);
        return one.success ? [one.output] : [];
      })
    : [];
  const issue = parsed.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return {
    kind: 'replaced',
    agentId: typeof record.agentId === 'string' ? record.agentId : undefined,
    outbox,
    problem: `${path ? `${path}: ` : ''}${issue?.message ?? 'unreadable'}`,
  };
}
