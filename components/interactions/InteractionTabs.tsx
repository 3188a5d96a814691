import type { TickingTime } from '../common/ticking-time';
import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Consultation, Interaction } from '@/lib/protocol';
import { sessionClock } from '@/lib/session/timer';
import { formatDuration } from '@/lib/time/format';

/** One item of the agent's desk: an interaction they handle, or a consultation they were asked into. */
export type DeskItem =
  | { kind: 'interaction'; key: string; interaction: Interaction }
  | { kind: 'consultation'; key: string; consultation: Consultation };

export const tabId = (key: string) => `tab-${key}`;
export const panelId = (key: string) => `tabpanel-${key}`;

interface Props {
  items: readonly DeskItem[];
  selectedKey: string | null;
  unread: Readonly<Record<string, number>>;
  serverNow: TickingTime;
  onSelect: (key: string) => void;
}

function TabLabel({ item, serverNow }: { item: DeskItem; serverNow: TickingTime }) {
  if (item.kind === 'consultation') {
    const { customer } = item.consultation.summary;
    return (
      <>
        <span class="tab-who">{t('session_tab_consultation', item.consultation.host.name)}</span>
        <span class="tab-sub">{customer.name ?? customer.phone}</span>
      </>
    );
  }
  const { customer, mode, ended, inactivityDeadline } = item.interaction;
  const clock = inactivityDeadline !== undefined ? sessionClock(inactivityDeadline, serverNow.value) : undefined;
  let sub = mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session');
  if (ended) sub = t('session_tab_ended');
  else if (clock?.warning) sub = t('session_time_left_short', formatDuration(clock.leftMs));
  return (
    <>
      <span class="tab-who">{customer.name ?? customer.phone}</span>
      <span class={`tab-sub${clock?.warning && !ended ? ' warning' : ''}`}>{sub}</span>
    </>
  );
}

/**
 * The open interactions (and consultations) as tabs, with their unread counts. Arrow keys, Home
 * and End move between tabs; the one focused is shown (its draft is kept by the model).
 */
export function InteractionTabs({ items, selectedKey, unread, serverNow, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (from: number, to: number) => {
    const target = items[(to + items.length) % items.length];
    if (!target || from === to) return;
    onSelect(target.key);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(target.key))}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('session_tabs_label')} ref={list}>
      {items.map((item, index) => {
        const selected = item.key === selectedKey;
        const count = unread[item.key] ?? 0;
        return (
          <button
            type="button"
            role="tab"
            key={item.key}
            id={tabId(item.key)}
            class={`tab ${item.kind}${count > 0 ? ' has-unread' : ''}`}
            aria-selected={selected}
            aria-controls={panelId(item.key)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(item.key)}
            onKeyDown={(event) => {
              const to = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
              if (to === undefined) return;
              event.preventDefault();
              move(index, to);
            }}
          >
            <TabLabel item={item} serverNow={serverNow} />
            {count > 0 && <span class="tab-unread">{t('session_unread', String(count))}</span>}
          </button>
        );
      })}
    </div>
  );
}
