import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

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
 */
export function LinkTooltip({ tooltip, children }: LinkTooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <bdi
      dir="ltr"
      class="entity"
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
      <span role="tooltip" id={id} class="entity-tooltip" hidden={!open}>
        {tooltip}
      </span>
    </bdi>
  );
}
