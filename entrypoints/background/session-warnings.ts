import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import type { AgentState } from '@/lib/protocol';
import { SESSION_WARNING_MS } from '@/lib/session/timer';
import { openPanelFromUserAction } from './panel-opening';

const PREFIX = 'texto-session-warning:';

/**
 * A system notification when a session enters its last minute before ending for inactivity and
 * no panel is showing (an open panel warns by itself, seen and heard). Timers live only while the
 * worker does; the state it re-reads after a restart re-arms them, and a session already in its
 * last minute is announced at once.
 */
export function createSessionWarnings(options: { serverNow(): number; panelShowing(): boolean }) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** `id@deadline` of sessions announced, so each deadline is announced once. */
  const announced = new Set<string>();

  function announce(key: string, name: string) {
    if (announced.has(key) || options.panelShowing()) return;
    announced.add(key);
    void browser.notifications
      .create(PREFIX + key, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('session_warning_notification_title', name),
        message: t('session_warning'),
      })
      .catch(() => undefined);
  }

  return {
    /** Called with each new state: arms a timer per session deadline, drops what no longer applies. */
    sync(state: AgentState | null) {
      const wanted = new Map<string, { at: number; name: string }>();
      for (const interaction of state?.interactions ?? []) {
        if (interaction.inactivityDeadline === undefined || interaction.ended) continue;
        const key = `${interaction.id}@${interaction.inactivityDeadline}`;
        wanted.set(key, { at: interaction.inactivityDeadline - SESSION_WARNING_MS, name: interaction.customer.name ?? interaction.customer.phone });
      }
      for (const [key, timer] of timers) {
        if (wanted.has(key)) continue;
        clearTimeout(timer);
        timers.delete(key);
      }
      for (const key of announced) {
        if (wanted.has(key)) continue;
        announced.delete(key);
        void browser.notifications.clear(PREFIX + key).catch(() => undefined);
      }
      for (const [key, { at, name }] of wanted) {
        if (timers.has(key) || announced.has(key)) continue;
        const delay = Math.max(0, at - options.serverNow());
        timers.set(key, setTimeout(() => announce(key, name), delay));
      }
    },
  };
}

/** A click on the warning opens the panel where the browser allows it. Registered in main. */
export function registerSessionWarningClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(PREFIX)) return;
    openPanelFromUserAction();
    void browser.notifications.clear(notificationId);
  });
}
