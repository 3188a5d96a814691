import type { ComponentChildren } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { RowHeights } from '@/lib/transcript/row-heights';
import { isAtBottom, visibleWindow } from '@/lib/transcript/window';

/** A first guess for a row never measured: a one-line message with its sender line. */
const ESTIMATED_ROW_PX = 64;
/** Rows rendered beyond the viewport, so a keyboard step or a quick scroll finds them ready. */
const OVERSCAN_PX = 600;
/** The viewport assumed before the log has been measured (the first render). */
const FALLBACK_VIEWPORT_PX = 600;
/** A scroll without `scrollend` (older browsers) counts as over after this quiet time. */
const SCROLL_SETTLE_MS = 250;

interface Props {
  label: string;
  count: number;
  keyOf: (index: number) => string;
  renderRow: (index: number) => ComponentChildren;
  onCopy?: (event: ClipboardEvent, rows: number[]) => void;
}

/**
 * A transcript of any length that renders only the rows in and near the viewport. Heights are
 * measured as rows render (ResizeObserver: text wraps, images, text size) and kept for rows
 * scrolled away; the space of the others is padding. The view stays on the newest entry while the
 * agent is at the bottom; when they scrolled up to read, arriving messages and rows above changing
 * height do not move what they read. Keyboard: the log is focusable and scrolls with the arrow,
 * Page and Home/End keys; rows carry aria-posinset/aria-setsize so a screen reader knows where it is.
 * While the agent reads higher up, entries that arrive are marked "New messages" and a button
 * jumps to the latest (with how many are new); the marker stays until they start reading up again.
 */
export function TranscriptLog({ label, count, keyOf, renderRow, onCopy }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useMemo(() => new RowHeights(ESTIMATED_ROW_PX), []);
  heights.resize(count);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [, setMeasured] = useState(0);
  const pinned = useRef(true);
  /** The scroll position as of the last render or scroll event. */
  const seenTop = useRef<number | null>(null);
  const frame = useRef(0);
  /** Until when a scroll is under way (a smooth keyboard scroll animates for a while). */
  const scrollingUntil = useRef(0);
  /** Reading higher up (not pinned to the newest entry): the jump button shows. */
  const [reading, setReading] = useState(false);
  /** The first entry that arrived while the agent was reading higher up. */
  const [unseenFrom, setUnseenFrom] = useState<number | null>(null);
  const lastCount = useRef(count);

  const readView = useCallback(() => {
    frame.current = 0;
    const element = scroller.current;
    if (!element) return;
    setView((previous) =>
      previous.top === element.scrollTop && previous.height === element.clientHeight ? previous : { top: element.scrollTop, height: element.clientHeight },
    );
  }, []);

  const rowObserver = useMemo(
    () =>
      new ResizeObserver((changes) => {
        const element = scroller.current;
        if (!element) return;
        const firstShown = heights.indexAt(element.scrollTop);
        let changed = false;
        let shiftAbove = 0;
        for (const change of changes) {
          const target = change.target as HTMLElement;
          const index = Number(target.dataset.index);
          const height = change.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
          const delta = heights.set(index, height);
          if (delta === 0) continue;
          changed = true;
          if (index < firstShown) shiftAbove += delta;
        }
        if (!changed) return;
        // A row above the one being read grew or shrank (an image loaded, the text size changed):
        // move by as much, so the text stays put. Not while a scroll is under way: moving would
        // cut short a smooth scroll (Home would stop short of the first message).
        if (shiftAbove !== 0 && !pinned.current && performance.now() > scrollingUntil.current) {
          element.scrollTop += shiftAbove;
          seenTop.current = element.scrollTop;
        }
        setMeasured((n) => n + 1);
      }),
    [heights],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const viewportObserver = new ResizeObserver(readView);
    viewportObserver.observe(element);
    readView();
    return () => {
      viewportObserver.disconnect();
      rowObserver.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [readView, rowObserver]);

  // After every render: at the bottom, stay at the bottom (new message, rows measured). If the
  // position moved since we last saw it and its scroll event has not come yet (the agent, or a
  // click that scrolls a control into view, just scrolled), that choice wins over the pin.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (seenTop.current !== null && element.scrollTop !== seenTop.current) {
      pinned.current = isAtBottom(element.scrollTop, element.clientHeight, element.scrollHeight);
    }
    if (count > lastCount.current) {
      const from = lastCount.current;
      if (!pinned.current) setUnseenFrom((current) => current ?? from);
      else setUnseenFrom(null);
    }
    lastCount.current = count;
    if (pinned.current && element.scrollHeight - element.clientHeight > element.scrollTop) {
      element.scrollTop = element.scrollHeight;
    }
    seenTop.current = element.scrollTop;
  });

  const followScroll = (element: HTMLDivElement) => {
    const wasPinned = pinned.current;
    pinned.current = isAtBottom(element.scrollTop, element.clientHeight, element.scrollHeight);
    // Starting to read up again: what was new before has been seen.
    if (wasPinned && !pinned.current) setUnseenFrom(null);
    setReading(!pinned.current);
  };
  const jumpToLatest = () => {
    const element = scroller.current;
    if (!element) return;
    pinned.current = true;
    setReading(false);
    element.scrollTop = element.scrollHeight;
    element.focus();
  };

  // Pinned (opening, or reading the newest), render the bottom rows straight away: waiting for the
  // scroll that the pin causes would show the newest message one or two frames later.
  const viewport = view.height || FALLBACK_VIEWPORT_PX;
  const top = pinned.current ? Math.max(0, heights.total - viewport) : view.top;
  const slice = visibleWindow(heights, top, viewport, OVERSCAN_PX);
  const rows: ComponentChildren[] = [];
  for (let index = slice.start; index < slice.end; index++) {
    rows.push(
      <Row key={keyOf(index)} index={index} count={count} observer={rowObserver}>
        {index === unseenFrom && <p class="new-marker">{t('transcript_new_messages')}</p>}
        {renderRow(index)}
      </Row>,
    );
  }

  const unseen = unseenFrom === null ? 0 : count - unseenFrom;
  return (
    <div class="transcript-frame">
    <div
      class="transcript"
      role="log"
      aria-label={label}
      tabIndex={0}
      ref={scroller}
      onScroll={() => {
        // Only scrolling decides whether the agent is reading the newest entry (by them, or by the
        // pin below, which lands at the bottom and so keeps it pinned).
        const element = scroller.current;
        if (element) {
          followScroll(element);
          seenTop.current = element.scrollTop;
        }
        scrollingUntil.current = performance.now() + SCROLL_SETTLE_MS;
        if (!frame.current) frame.current = requestAnimationFrame(readView);
      }}
      onKeyDown={(event) => {
        // Home and End jump at once (a smooth scroll over 10,000 rows measures rows on the way and
        // ends beside its target); End also pins the view to the newest entry.
        const element = scroller.current;
        if (!element || event.target !== element || (event.key !== 'Home' && event.key !== 'End')) return;
        event.preventDefault();
        pinned.current = event.key === 'End';
        element.scrollTop = event.key === 'End' ? element.scrollHeight : 0;
      }}
      onScrollEnd={() => {
        scrollingUntil.current = 0;
      }}
      onCopy={(event) => {
        if (!onCopy) return;
        const selection = document.getSelection();
        const shown = [...(scroller.current?.querySelectorAll<HTMLElement>('li.row') ?? [])];
        const touched = shown.filter((row) => selection?.containsNode(row, true)).map((row) => Number(row.dataset.index));
        onCopy(event, touched);
      }}
    >
      <ol style={{ paddingTop: `${slice.before}px`, paddingBottom: `${slice.after}px` }}>{rows}</ol>
    </div>
      {reading && (
        <button type="button" class="button small jump-latest" onClick={jumpToLatest}>
          {unseen > 0 ? t('transcript_jump_new', String(unseen)) : t('transcript_jump_latest')}
        </button>
      )}
    </div>
  );
}

function Row({ index, count, observer, children }: { index: number; count: number; observer: ResizeObserver; children: ComponentChildren }) {
  const element = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    const row = element.current;
    if (!row) return;
    observer.observe(row);
    return () => observer.unobserve(row);
  }, [observer]);
  return (
    <li class="row" data-index={index} aria-posinset={index + 1} aria-setsize={count} ref={element}>
      {children}
    </li>
  );
}
