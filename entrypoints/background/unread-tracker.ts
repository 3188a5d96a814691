import type { Browser } from 'wxt/browser';
import { countUnread, markRead, pruneUnread, type UnreadCounts } from '@/lib/agent-state/unread';
import type { AgentEvent, AgentState } from '@/lib/protocol';

type Port = Browser.runtime.Port;

/**
 * Unread messages per desk item. The background counts them because it receives every event,
 * panel open or not; each open panel says what it shows, and what is shown is read.
 */
export function createUnreadTracker(options: {
  /** The counts as stored with the desk (storage.session), and where to put new ones. */
  read(): UnreadCounts | null;
  write(unread: UnreadCounts): void;
  /** Called after every change (badge, panels). */
  changed(unread: UnreadCounts): void;
}) {
  const viewing = new Map<Port, string | null>();
  const viewedKeys = () => new Set([...viewing.values()].filter((key): key is string => key !== null));

  const update = (next: UnreadCounts | null) => {
    const current = options.read();
    if (!current || !next || next === current) return;
    options.write(next);
    options.changed(next);
  };

  return {
    /** Whether some open panel is visible and showing a desk item. */
    panelShowing: () => viewedKeys().size > 0,
    /** A panel reports what it shows (null: nothing, or hidden). */
    setViewing(port: Port, key: string | null) {
      viewing.set(port, key);
      const current = options.read();
      if (current && key !== null) update(markRead(current, key));
    },
    panelGone(port: Port) {
      viewing.delete(port);
    },
    afterEvent(before: AgentState, event: AgentEvent) {
      const current = options.read();
      if (current) update(countUnread(current, before, event, viewedKeys()));
    },
    afterSnapshot(state: AgentState) {
      const current = options.read();
      if (current) update(pruneUnread(current, state));
    },
  };
}

export type UnreadTracker = ReturnType<typeof createUnreadTracker>;
