import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';

interface Props {
  saveUrl: string | undefined;
  onOpen: () => void;
  onClose: (returnFocus: boolean) => void;
}

/**
 * The actions of one MMS image as a menu (context menu, Shift+F10, the Options button): Open, and
 * Save for agents allowed to save. Arrow keys move, Escape closes and gives focus back.
 */
export function ImageMenu({ saveUrl, onOpen, onClose }: Props) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  const move = (step: number) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + step + items.length) % items.length]?.focus();
  };
  return (
    <ul
      class="image-menu"
      role="menu"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') move(1);
        else if (event.key === 'ArrowUp') move(-1);
        else if (event.key === 'Escape' || event.key === 'Tab') onClose(event.key === 'Escape');
        else return;
        if (event.key !== 'Tab') event.preventDefault();
        event.stopPropagation();
      }}
      onFocusOut={(event) => {
        if (!menu.current?.contains(event.relatedTarget as Node | null)) onClose(false);
      }}
    >
      <li role="none">
        <button type="button" role="menuitem" class="menu-item" onClick={onOpen}>
          {t('mms_open')}
        </button>
      </li>
      {saveUrl !== undefined && (
        <li role="none">
          {/* The server answers this link with Content-Disposition: attachment, so it downloads. */}
          <a role="menuitem" class="menu-item" href={saveUrl} target="_blank" rel="noopener noreferrer" onClick={() => onClose(true)}>
            {t('mms_save')}
          </a>
        </li>
      )}
    </ul>
  );
}
