import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface LinkTooltipProps {
  /** The full text of the tooltip (for a link, its whole URL). */
  tooltip: string;
  /** The control, given the id its `aria-describedby` must name. */
  children: (tooltipId: string) => ComponentChildren;
}

/**
 * An entity (link, phone number, email address) isolated for bidi and with an accessible
 * tooltip. A `title` is shown neither on keyboard focus nor to every screen reader, so the
 * tooltip is a real element: `role="tooltip"`, named by the control's `aria-describedby`, shown
 * while the pointer is over the entity or focus is inside it, hidden again by Escape without
 * moving focus (WCAG 1.4.13), and kept in the DOM while hidden so it still describes the control.
 * `<bdi dir="ltr">` makes the entity its own left-to-right island: a direction override in the
 * customer's text before it cannot reverse it, and nothing inside it can reorder the message.
 * Placed inside the panel, above the control so that it never covers the warnings under a link
 * (below the whole entity when there is no room above): `placeTooltip`.
 */
export function LinkTooltip({ tooltip, children }: LinkTooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const entity = useRef<HTMLElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (!open || !entity.current || !tip.current) return;
    const place = () => entity.current && tip.current && placeTooltip(entity.current, tip.current);
    place();
    // Scrolling the transcript moves the entity; the tooltip is placed in the viewport.
    addEventListener('scroll', place, true);
    addEventListener('resize', place);
    return () => {
      removeEventListener('scroll', place, true);
      removeEventListener('resize', place);
    };
  }, [open]);
  return (
    <bdi
      dir="ltr"
      class="entity"
      ref={entity}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocusIn={() => setOpen(true)}
      onFocusOut={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {children(id)}
      <span role="tooltip" id={id} class="entity-tooltip" hidden={!open} ref={tip}>
        {tooltip}
      </span>
    </bdi>
  );
}

const MARGIN_PX = 8;
const GAP_PX = 4;

/**
 * Puts the tooltip in the viewport: its left edge under the control's start, moved left as far as
 * needed to stay inside the panel; above the control's first line, or below the whole entity
 * (control and warnings) when there is no room above.
 */
function placeTooltip(entity: HTMLElement, tip: HTMLElement): void {
  const control = entity.firstElementChild ?? entity;
  const line = control.getClientRects()[0] ?? control.getBoundingClientRect();
  const whole = entity.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = tip;
  const left = Math.max(MARGIN_PX, Math.min(line.left, innerWidth - width - MARGIN_PX));
  const above = line.top - GAP_PX - height;
  const top = above >= MARGIN_PX ? above : Math.min(whole.bottom + GAP_PX, innerHeight - height - MARGIN_PX);
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}
