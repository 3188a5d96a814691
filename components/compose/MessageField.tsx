import type { RefObject } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { MAX_REPLY_LENGTH } from '@/lib/protocol';
import { shortcutBeforeCaret, type ShortcutAtCaret } from '@/lib/responses/shortcuts';
import type { Misspelling } from '@/lib/spelling';
import type { UnicodeCulprit } from '@/lib/sms/culprits';
import { HighlightMirror } from './HighlightMirror';
import { highlightPieces, rangeAt, rangeAtOrAfter, type TextRange } from './text-ranges';

export interface MenuAnchor {
  x: number;
  y: number;
}

interface Props {
  id: string;
  text: string;
  /** Every misspelling (what Ctrl+. and the menu key reach). */
  misspellings: readonly Misspelling[];
  /** Those drawn: not the word being typed at the caret. */
  underlined: readonly Misspelling[];
  culprits: readonly UnicodeCulprit[];
  /** Variables nobody filled (`[first name]`), highlighted until replaced. */
  unfilled: readonly TextRange[];
  describedBy: string;
  invalid: boolean;
  /** Whether the underlines belong to the text as it is now (read by tests and bench/compose.ts). */
  spelling: 'checked' | 'pending' | 'off';
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The agent edited the text; `caret` is where the edit left the caret. */
  onText: (text: string, caret: number) => void;
  /** The caret moved without typing (click, arrows, focus leaving). */
  onCaretMoved: () => void;
  onSubmitKey: () => void;
  /** The agent typed a keyword then Space or Tab; true if it was a shortcut and was expanded. */
  onShortcut: (shortcut: ShortcutAtCaret) => boolean;
  onSuggestions: (misspelling: Misspelling, anchor: MenuAnchor) => void;
}

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

const isSuggestionKey = (e: KeyboardEvent) =>
  ((e.ctrlKey || e.metaKey) && e.key === '.') || (e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu';

/**
 * The message textarea over its highlight mirror. Keys: Ctrl+Enter sends; a shortcut keyword
 * then Space or Tab inserts its response; Ctrl+. (or Shift+F10, the context-menu key, a right
 * click) on an underlined word opens its suggestions — Ctrl+. also walks to the next one.
 */
export function MessageField(props: Props) {
  const { id, text, misspellings, underlined, culprits, unfilled, textareaRef } = props;
  const mirror = useRef<HTMLDivElement>(null);
  // Past what can be sent at all, the mirror holds the plain text: a pasted page of emoji would
  // otherwise cost thousands of highlighted nodes (the counter and the list still say it all).
  const pieces = useMemo(
    () => (text.length > MAX_REPLY_LENGTH ? [{ text, start: 0, unicode: false }] : highlightPieces(text, underlined, culprits, unfilled)),
    [text, underlined, culprits, unfilled],
  );

  /** Where the menu of a misspelling opens: under its first line in the mirror. */
  const anchorOf = (misspelling: Misspelling): MenuAnchor => {
    const span = mirror.current?.querySelector(`[data-misspelling="${misspelling.start}"]`);
    const rect = span?.getClientRects()[0] ?? textareaRef.current?.getBoundingClientRect();
    return rect ? { x: rect.left, y: rect.bottom + 2 } : { x: 0, y: 0 };
  };

  /** The misspelling drawn under the pointer, found from the mirror's underlined spans. */
  const misspellingUnder = (x: number, y: number): Misspelling | undefined => {
    for (const span of mirror.current?.querySelectorAll<HTMLElement>('[data-misspelling]') ?? []) {
      for (const rect of span.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom + 3) {
          return misspellings.find((m) => String(m.start) === span.dataset.misspelling);
        }
      }
    }
    return undefined;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const area = e.currentTarget as HTMLTextAreaElement;
    if (NAVIGATION_KEYS.has(e.key)) props.onCaretMoved();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      props.onSubmitKey();
      return;
    }
    const collapsed = area.selectionStart === area.selectionEnd;
    if ((e.key === ' ' || e.key === 'Tab') && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && !e.isComposing && collapsed) {
      const shortcut = shortcutBeforeCaret(area.value, area.selectionStart);
      if (shortcut && props.onShortcut(shortcut)) e.preventDefault();
      return;
    }
    if (isSuggestionKey(e)) {
      const caret = area.selectionStart;
      const misspelling = e.key === '.' ? rangeAtOrAfter(misspellings, caret) : rangeAt(misspellings, caret);
      // Elsewhere Shift+F10 and the menu key keep the browser's own menu (copy, paste…).
      if (!misspelling) return;
      e.preventDefault();
      props.onSuggestions(misspelling, anchorOf(misspelling));
    }
  };

  const onContextMenu = (e: MouseEvent) => {
    const keyboard = e.button !== 2 && e.clientX === 0 && e.clientY === 0;
    const area = e.currentTarget as HTMLTextAreaElement;
    const misspelling = keyboard ? rangeAt(misspellings, area.selectionStart) : misspellingUnder(e.clientX, e.clientY);
    if (!misspelling) return;
    e.preventDefault();
    props.onSuggestions(misspelling, keyboard ? anchorOf(misspelling) : { x: e.clientX, y: e.clientY });
  };

  return (
    <div class="message-field" data-spelling={props.spelling}>
      <HighlightMirror pieces={pieces} mirrorRef={mirror} />
      <textarea
        id={id}
        ref={textareaRef}
        rows={3}
        value={text}
        dir="auto"
        spellcheck={false}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onInput={(e) => props.onText(e.currentTarget.value, e.currentTarget.selectionEnd)}
        onMouseDown={props.onCaretMoved}
        onBlur={props.onCaretMoved}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
