import type { Browser } from 'wxt/browser';
import { totalUnread } from '@/lib/agent-state/unread';
import type { AgentEvent, AgentState } from '@/lib/protocol';
import { showBadge } from './badge';
import { syncOfferNotifications } from './notifications';
import type { PanelPorts } from './panel-ports';
import { createSessionWarnings } from './session-warnings';
import type { StoredDesk } from './session-store';
import { createUnreadTracker } from './unread-tracker';

type Port = Browser.runtime.Port;

/**
 * What the agent notices outside the panel, kept in step with the desk: the toolbar badge
 * (offers + unread), offer notifications, session warnings, and the unread counts themselves.
 */
export function createDeskSignals(options: { ports: PanelPorts; desk(): StoredDesk | null; save(): void; serverNow(): number }) {
  const { ports } = options;
  const unread = createUnreadTracker({
    read: () => options.desk()?.unread ?? (options.desk() ? {} : null),
    write(counts) {
      const desk = options.desk();
      if (desk) desk.unread = { ...counts };
    },
    changed(counts) {
      options.save();
      ports.broadcast({ type: 'unread', unread: counts });
      showBadge(options.desk()?.state?.offers.length ?? 0, totalUnread(counts));
    },
  });
  const sessionWarnings = createSessionWarnings({ serverNow: () => options.serverNow(), panelShowing: () => unread.panelShowing() });

  return {
    /** Before an event is applied (unread counts look at what it changes). */
    beforeEvent: (before: AgentState, event: AgentEvent) => unread.afterEvent(before, event),
    afterSnapshot: (state: AgentState) => unread.afterSnapshot(state),
    /** After any change of the state (null: signed out). */
    afterStateChange(state: AgentState | null) {
      const desk = options.desk();
      sessionWarnings.sync(state);
      const offers = state?.offers ?? [];
      showBadge(offers.length, totalUnread(desk?.unread ?? {}));
      if (desk) desk.notifiedOffers = syncOfferNotifications(offers, desk.notifiedOffers);
    },
    /** A restarted worker re-arms its session warnings (timers do not survive it). */
    resumed(state: AgentState | null) {
      sessionWarnings.sync(state);
    },
    viewing: (port: Port, key: string | null) => unread.setViewing(port, key),
    panelGone: (port: Port) => unread.panelGone(port),
  };
}
