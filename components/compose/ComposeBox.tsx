import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { StandardResponse } from '@/lib/protocol';
import { responseForShortcut, type ShortcutAtCaret } from '@/lib/responses/shortcuts';
import { countSms } from '@/lib/sms/count';
import { unicodeCulprits } from '@/lib/sms/culprits';
import { replaceLookalikes } from '@/lib/sms/lookalikes';
import type { Misspelling } from '@/lib/spelling';
import { ComposeToolbar } from './ComposeToolbar';
import { groupCulprits } from './culprit-list';
import { MessageField, type MenuAnchor } from './MessageField';
import { fillResponse } from './placeholders';
import { ResponsesDialog } from './ResponsesDialog';
import { SmsCounter } from './SmsCounter';
import { SpellingWarningDialog } from './SpellingWarningDialog';
import { SuggestionMenu } from './SuggestionMenu';
import { replaceInTextarea, selectInTextarea } from './text-edit';
import { rebaseRanges } from './text-ranges';
import type { ComposeTools } from './tools';
import { UnicodeCharacters } from './UnicodeCharacters';
import './compose.css';

interface Props {
  /** One box per interaction: the spell checker keeps each box's result apart. */
  boxId: string;
  draft: string;
  busy: boolean;
  tools: ComposeTools;
  onDraft: (text: string) => void;
  onSend: () => void;
  onMarkDone: () => void;
}

interface OpenMenu {
  misspelling: Misspelling;
  suggestions: string[];
  anchor: MenuAnchor;
}

/**
 * The reply box: the SMS counter and the characters that force Unicode, standard responses (the
 * library or a shortcut keyword), spell check with suggestions, and Send (or Ctrl+Enter) — with
 * the "send anyway?" question when the administrator wants it. Mark Done closes without replying.
 */
export function ComposeBox({ boxId, draft, busy, tools, onDraft, onSend, onMarkDone }: Props) {
  const { spelling, settings } = tools;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const counterId = useId();
  const unicodeId = useId();
  const hintId = useId();
  const summaryId = useId();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [warning, setWarning] = useState<readonly Misspelling[] | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const selection = useRef<[number, number]>([draft.length, draft.length]);

  const count = useMemo(() => countSms(draft), [draft]);
  const culprits = useMemo(() => unicodeCulprits(draft), [draft]);
  const culpritGroups = useMemo(() => groupCulprits(draft, culprits), [draft, culprits]);
  const canReplace = culprits.length > 0 && replaceLookalikes(draft) !== draft;
  const result = spelling.result(boxId);
  const misspellings = useMemo(() => (result ? rebaseRanges(result.misspellings, result.text, draft) : []), [result, draft]);

  useEffect(() => spelling.watch(boxId, draft), [boxId, draft, spelling]);
  useEffect(() => () => spelling.unwatch(boxId), [boxId, spelling]);

  const overLimit = count.messages > settings.maxMessages;
  const canSend = draft.trim().length > 0 && !busy && !overLimit && !checking;

  const send = async () => {
    if (!canSend) return;
    if (settings.spellingWarning) {
      setChecking(true);
      const found = await spelling.misspellingsNow(boxId, draft);
      setChecking(false);
      if (found && found.length > 0) return setWarning(found);
    }
    onSend();
  };

  const insertResponse = (response: StandardResponse, start: number, end: number) => {
    const area = textarea.current;
    if (!area) return;
    const filled = fillResponse(response, tools.variables);
    replaceInTextarea(area, start, end, filled.text);
    // An unknown value stands as a placeholder: select the first, ready to be typed over.
    const first = filled.placeholders[0];
    if (first) selectInTextarea(area, start + first.start, start + first.end);
  };

  const expandShortcut = (shortcut: ShortcutAtCaret) => {
    const response = responseForShortcut(tools.responses.library, shortcut.keyword, spelling.language);
    if (!response) return false;
    insertResponse(response, shortcut.start, shortcut.end);
    return true;
  };

  const openSuggestions = async (misspelling: Misspelling, anchor: MenuAnchor) => {
    if (textarea.current) selection.current = [textarea.current.selectionStart, textarea.current.selectionEnd];
    const suggestions = await spelling.suggest(misspelling.word).catch(() => []);
    setMenu({ misspelling, suggestions, anchor });
  };

  const closeMenu = (caret?: [number, number]) => {
    setMenu(null);
    const [start, end] = caret ?? selection.current;
    if (textarea.current) selectInTextarea(textarea.current, start, end);
  };

  return (
    <form
      class="compose"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div class="field">
        <label for={fieldId}>{t('compose_label')}</label>
        <MessageField
          id={fieldId}
          text={draft}
          misspellings={misspellings}
          culprits={culprits}
          describedBy={[counterId, culpritGroups.length > 0 ? unicodeId : '', summaryId, hintId].filter(Boolean).join(' ')}
          invalid={overLimit}
          textareaRef={textarea}
          onText={onDraft}
          onSubmitKey={() => void send()}
          onShortcut={expandShortcut}
          onSuggestions={(misspelling, anchor) => void openSuggestions(misspelling, anchor)}
        />
      </div>
      <SmsCounter id={counterId} count={count} maxMessages={settings.maxMessages} />
      <UnicodeCharacters
        id={unicodeId}
        groups={culpritGroups}
        canReplace={canReplace}
        onReplace={() => textarea.current && replaceInTextarea(textarea.current, 0, draft.length, replaceLookalikes(draft))}
      />
      <ComposeToolbar
        spelling={spelling}
        misspelled={misspellings.map((m) => m.word)}
        summaryId={summaryId}
        onOpenResponses={() => {
          if (textarea.current) selection.current = [textarea.current.selectionStart, textarea.current.selectionEnd];
          setLibraryOpen(true);
        }}
      />
      <p id={hintId} class="hint">
        {t('compose_hint')}
      </p>
      <div class="actions">
        <button type="submit" class="button primary" disabled={!canSend} aria-busy={checking || undefined}>
          {t('compose_send')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onMarkDone}>
          {t('compose_mark_done')}
        </button>
      </div>
      {menu && (
        <SuggestionMenu
          word={menu.misspelling.word}
          suggestions={menu.suggestions}
          anchor={menu.anchor}
          onClose={() => closeMenu()}
          onReplace={(suggestion) => {
            const { start, end, word } = menu.misspelling;
            setMenu(null);
            if (textarea.current && textarea.current.value.slice(start, end) === word) {
              replaceInTextarea(textarea.current, start, end, suggestion);
            } else closeMenu();
          }}
          onAddWord={() => {
            const { end } = menu.misspelling;
            void spelling.addWord(menu.misspelling.word);
            closeMenu([end, end]);
          }}
        />
      )}
      {libraryOpen && (
        <ResponsesDialog
          responses={tools.responses}
          preview={(response) => fillResponse(response, tools.variables).text}
          onClose={() => {
            setLibraryOpen(false);
            closeMenu(selection.current);
          }}
          onInsert={(response) => {
            setLibraryOpen(false);
            const [start, end] = selection.current;
            insertResponse(response, start, end);
          }}
        />
      )}
      {warning && (
        <SpellingWarningDialog
          misspellings={warning}
          onSend={() => {
            setWarning(null);
            onSend();
          }}
          onReview={() => {
            const first = warning[0];
            setWarning(null);
            if (first) closeMenu([first.start, first.end]);
          }}
        />
      )}
    </form>
  );
}
