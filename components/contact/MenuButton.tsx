import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
}

/**
 * A button opening a menu (WAI-ARIA menu button): Enter/Space/ArrowDown open it on the first
 * item, arrows move, Home/End jump, Escape closes and gives the focus back, a click outside closes.
 */
export function MenuButton({ label, items }: { label: string; items: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const focusItem = (index: number) => {
    const buttons = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    if (!buttons || buttons.length === 0) return;
    buttons[(index + buttons.length) % buttons.length]?.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  if (items.length === 0) return null;
  return (
    <div class="menu-button">
      <button
        ref={button}
        type="button"
        class="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          class="menu"
          onKeyDown={(e) => {
            const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
            const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'ArrowDown') focusItem(index + 1);
            else if (e.key === 'ArrowUp') focusItem(index - 1);
            else if (e.key === 'Home') focusItem(0);
            else if (e.key === 'End') focusItem(-1);
            else if (e.key === 'Escape' || e.key === 'Tab') close(e.key === 'Escape');
            else return;
            e.preventDefault();
          }}
        >
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
