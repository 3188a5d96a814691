import type { AgentEvent, AgentState } from '../protocol';

/**
 * Messages the agent has not seen yet, per desk item: an interaction (customer texts, and the
 * guest's lines in a consultation the agent hosts) or a consultation the agent is a guest of.
 * Keys are interaction or consultation ids — the panel reports the one it shows under the same key.
 */
export type UnreadCounts = Readonly<Record<string, number>>;

/** Where a new message shows on the agent's desk, or undefined when the event brings none. */
export function unreadKeyOf(before: AgentState, event: AgentEvent): string | undefined {
  switch (event.type) {
    case 'transcriptAppended':
      return event.entry.kind === 'message' && event.entry.direction === 'in' ? event.interactionId : undefined;
    case 'consultationMessage': {
      if (event.message.author.agentId === before.agent.id) return undefined;
      const consultation = before.consultations?.find((c) => c.id === event.consultationId);
      if (!consultation) return undefined;
      return consultation.host.agentId === before.agent.id ? consultation.interactionId : consultation.id;
    }
    default:
      return undefined;
  }
}

/**
 * The counts after one event: a message nobody is looking at adds one; an item leaving the desk
 * takes its count with it. `viewing` holds the keys the open panels show right now.
 */
export function countUnread(unread: UnreadCounts, before: AgentState, event: AgentEvent, viewing: ReadonlySet<string>): UnreadCounts {
  if (event.type === 'interactionClosed') return withoutKey(unread, event.interactionId);
  if (event.type === 'consultationEnded') return withoutKey(unread, event.consultationId);
  const key = unreadKeyOf(before, event);
  if (key === undefined || viewing.has(key)) return unread;
  return { ...unread, [key]: (unread[key] ?? 0) + 1 };
}

export function markRead(unread: UnreadCounts, key: string): UnreadCounts {
  return withoutKey(unread, key);
}

/** Keeps only the counts of items still on the desk (after a snapshot replaced the state). */
export function pruneUnread(unread: UnreadCounts, state: AgentState | null): UnreadCounts {
  if (!state) return {};
  const keys = new Set([...state.interactions.map((i) => i.id), ...(state.consultations ?? []).map((c) => c.id)]);
  const kept = Object.entries(unread).filter(([key]) => keys.has(key));
  return kept.length === Object.keys(unread).length ? unread : Object.fromEntries(kept);
}

export function totalUnread(unread: UnreadCounts): number {
  return Object.values(unread).reduce((sum, n) => sum + n, 0);
}

function withoutKey(unread: UnreadCounts, key: string): UnreadCounts {
  if (!(key in unread)) return unread;
  const { [key]: _gone, ...rest } = unread;
  return rest;
}
