import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Misspelling } from '@/lib/spelling';
import type { MenuAnchor } from './MessageField';
import { SuggestionMenu } from './SuggestionMenu';
import { replaceInTextarea } from './text-edit';
import type { SpellingTools } from './tools';

interface OpenMenu {
  misspelling: Misspelling;
  suggestions: string[];
  anchor: MenuAnchor;
}

/**
 * The suggestions menu of one misspelled word: opened by the field (right click, Ctrl+.,
 * Shift+F10), it replaces the word through the editing stack or adds it to the dictionary, and
 * puts the caret back where it belongs (`moveCaret`) when it closes.
 */
export function useSuggestionMenu(
  textarea: RefObject<HTMLTextAreaElement | null>,
  spelling: SpellingTools,
  moveCaret: (start: number, end: number) => void,
) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const before = useRef<[number, number]>([0, 0]);

  const open = async (misspelling: Misspelling, anchor: MenuAnchor) => {
    if (textarea.current) before.current = [textarea.current.selectionStart, textarea.current.selectionEnd];
    const suggestions = await spelling.suggest(misspelling.word).catch(() => []);
    setMenu({ misspelling, suggestions, anchor });
  };

  const close = (caret: [number, number] = before.current) => {
    setMenu(null);
    moveCaret(...caret);
  };

  const element = menu && (
    <SuggestionMenu
      word={menu.misspelling.word}
      suggestions={menu.suggestions}
      anchor={menu.anchor}
      onClose={() => close()}
      onReplace={(suggestion) => {
        const { start, end, word } = menu.misspelling;
        setMenu(null);
        // The text cannot change while the menu has the focus; checked all the same.
        if (textarea.current?.value.slice(start, end) === word) replaceInTextarea(textarea.current, start, end, suggestion);
        else close();
      }}
      onAddWord={() => {
        const { end, word } = menu.misspelling;
        void spelling.addWord(word);
        close([end, end]);
      }}
    />
  );

  return { open: (misspelling: Misspelling, anchor: MenuAnchor) => void open(misspelling, anchor), element };
}
