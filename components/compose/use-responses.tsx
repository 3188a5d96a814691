import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { StandardResponse } from '@/lib/protocol';
import { responseForShortcut, type ShortcutAtCaret } from '@/lib/responses/shortcuts';
import { fillResponse } from './placeholders';
import { ResponsesDialog } from './ResponsesDialog';
import { replaceInTextarea, selectInTextarea } from './text-edit';
import type { ComposeTools } from './tools';

/**
 * Standard responses in the message box: the library dialog (inserting at the caret the agent
 * left) and shortcut keywords; variables filled for this interaction, and the first
 * placeholder (a value nobody knows) selected so that typing replaces it.
 */
export function useResponses(textarea: RefObject<HTMLTextAreaElement | null>, tools: ComposeTools, moveCaret: (start: number, end: number) => void) {
  const [libraryOpen, setLibraryOpen] = useState(false);
  const caret = useRef<[number, number]>([0, 0]);

  const insert = (response: StandardResponse, start: number, end: number) => {
    const area = textarea.current;
    if (!area) return;
    const filled = fillResponse(response, tools.variables);
    replaceInTextarea(area, start, end, filled.text);
    const first = filled.placeholders[0];
    if (first) selectInTextarea(area, start + first.start, start + first.end);
  };

  const expandShortcut = (shortcut: ShortcutAtCaret) => {
    const response = responseForShortcut(tools.responses.library, shortcut.keyword, tools.spelling.language);
    if (!response) return false;
    insert(response, shortcut.start, shortcut.end);
    return true;
  };

  const openLibrary = () => {
    if (textarea.current) caret.current = [textarea.current.selectionStart, textarea.current.selectionEnd];
    setLibraryOpen(true);
  };

  const element = libraryOpen && (
    <ResponsesDialog
      responses={tools.responses}
      preview={(response) => fillResponse(response, tools.variables).text}
      onClose={() => {
        setLibraryOpen(false);
        moveCaret(...caret.current);
      }}
      onInsert={(response) => {
        setLibraryOpen(false);
        insert(response, ...caret.current);
      }}
    />
  );

  return { expandShortcut, openLibrary, element };
}
