import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { MenuAnchor } from './MessageField';

interface Props {
  word: string;
  suggestions: readonly string[];
  anchor: MenuAnchor;
  onReplace: (suggestion: string) => void;
  onAddWord: () => void;
  /** Escape, Tab or a click elsewhere: back to the text as it was. */
  onClose: () => void;
}

type Item = { kind: 'suggestion'; label: string } | { kind: 'add'; label: string };

/**
 * The suggestions for one misspelled word (role=menu): arrows, Home and End move, Enter or Space
 * replaces the word, Escape returns to the text. "Add to dictionary" is always the last item.
 */
export function SuggestionMenu({ word, suggestions, anchor, onReplace, onAddWord, onClose }: Props) {
  const menu = useRef<HTMLUListElement>(null);
  const [position, setPosition] = useState(anchor);
  const items: Item[] = [...suggestions.map((label) => ({ kind: 'suggestion' as const, label })), { kind: 'add', label: t('spell_add') }];

  useLayoutEffect(() => {
    const element = menu.current;
    if (!element) return;
    // Keep the menu inside the panel, above the word when there is no room below.
    const { width, height } = element.getBoundingClientRect();
    const x = Math.max(4, Math.min(anchor.x, window.innerWidth - width - 4));
    const y = anchor.y + height > window.innerHeight - 4 ? Math.max(4, anchor.y - height - 24) : anchor.y;
    setPosition({ x, y });
    element.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [anchor.x, anchor.y]);

  const activate = (item: Item) => (item.kind === 'add' ? onAddWord() : onReplace(item.label));

  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(entries.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul
      ref={menu}
      class="suggestion-menu"
      role="menu"
      aria-label={t('spell_menu_label', word)}
      style={{ left: `${position.x}px`, top: `${position.y}px` }}
      onKeyDown={onKeyDown}
      onFocusOut={(e) => {
        if (!menu.current?.contains(e.relatedTarget as Node | null)) onClose();
      }}
    >
      {suggestions.length === 0 && (
        <li role="menuitem" aria-disabled="true" class="none">
          {t('spell_no_suggestions')}
        </li>
      )}
      {items.map((item) => [
        item.kind === 'add' && <li key="separator" role="separator" class="separator" />,
        <li
          key={`${item.kind}:${item.label}`}
          role="menuitem"
          tabIndex={-1}
          class={item.kind === 'add' ? 'add-word' : undefined}
          onClick={() => activate(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              e.stopPropagation();
              activate(item);
            }
          }}
        >
          {item.label}
        </li>,
      ])}
    </ul>
  );
}
