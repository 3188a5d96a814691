import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { countSms } from '@/lib/sms/count';
import { unicodeCulprits } from '@/lib/sms/culprits';
import { replaceLookalikes } from '@/lib/sms/lookalikes';
import { unfilledVariables } from '@/lib/responses/variables';
import type { Misspelling } from '@/lib/spelling';
import { MarkDoneButton } from '../interaction/MarkDoneButton';
import { ComposeToolbar } from './ComposeToolbar';
import { groupCulprits } from './culprit-list';
import { MessageField } from './MessageField';
import { placeholderFor } from './placeholders';
import { SmsCounter } from './SmsCounter';
import { SpellingWarningDialog } from './SpellingWarningDialog';
import { replaceInTextarea, selectInTextarea } from './text-edit';
import { rebaseRanges } from './text-ranges';
import type { ComposeTools } from './tools';
import { UnicodeCharacters } from './UnicodeCharacters';
import { useLocalDraft } from './use-local-draft';
import { useResponses } from './use-responses';
import { useSuggestionMenu } from './use-suggestion-menu';
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
  /** Why Mark Done is not possible yet (e.g. a disposition is required); shown and referenced. */
  completionBlocked?: string | undefined;
  /** Page mode: Send completes the interaction, so it waits for the same condition. */
  sendCompletes?: boolean;
  /** The server is out of reach: a reply or Mark Done given now waits in the outbox. */
  disconnected?: boolean;
}

/**
 * The reply box: the SMS counter and the characters that force Unicode, standard responses (the
 * library or a shortcut keyword), spell check with suggestions, and Send (or Ctrl+Enter) — with
 * the "send anyway?" question when the administrator wants it. Mark Done closes without replying.
 */
export function ComposeBox(props: Props) {
  const { boxId, draft: savedDraft, busy, tools, onDraft, onSend, onMarkDone, completionBlocked, sendCompletes, disconnected } = props;
  const { spelling, settings } = tools;
  const { text: draft, change, flush } = useLocalDraft(savedDraft, onDraft);
  const sendNow = () => {
    flush();
    onSend();
  };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const counterId = useId();
  const unicodeId = useId();
  const hintId = useId();
  const summaryId = useId();
  const blockedId = useId();
  const [warning, setWarning] = useState<readonly Misspelling[] | null>(null);
  const [checking, setChecking] = useState(false);
  const unfilledId = useId();
  const unfilled = useMemo(() => unfilledVariables(draft, placeholderFor), [draft]);
  // Said when Send meets a variable nobody filled; gone once the agent has replaced them all.
  const [unfilledTold, setUnfilledTold] = useState(false);
  const showUnfilled = unfilledTold && unfilled.length > 0;

  const count = useMemo(() => countSms(draft), [draft]);
  const culprits = useMemo(() => unicodeCulprits(draft), [draft]);
  const culpritGroups = useMemo(() => groupCulprits(draft, culprits), [draft, culprits]);
  const canReplace = culprits.length > 0 && replaceLookalikes(draft) !== draft;
  const result = spelling.result(boxId);
  const misspellings = useMemo(() => (result ? rebaseRanges(result.misspellings, result.text, draft) : []), [result, draft]);
  // Like word processors, the word being typed is not underlined until the agent leaves it.
  const [typingAt, setTypingAt] = useState<number | null>(null);
  const underlined = useMemo(() => misspellings.filter((m) => m.end !== typingAt), [misspellings, typingAt]);

  useEffect(() => spelling.watch(boxId, draft), [boxId, draft, spelling]);
  useEffect(() => () => spelling.unwatch(boxId), [boxId, spelling]);

  const overLimit = count.messages > settings.maxMessages;
  const sendBlocked = !!completionBlocked && !!sendCompletes;
  const canSend = draft.trim().length > 0 && !busy && !overLimit && !checking && !sendBlocked;

  const send = async () => {
    if (!canSend) return;
    const firstUnfilled = unfilled[0];
    if (firstUnfilled) {
      setUnfilledTold(true);
      return moveCaret(firstUnfilled.start, firstUnfilled.end);
    }
    if (settings.spellingWarning) {
      setChecking(true);
      const found = await spelling.misspellingsNow(boxId, draft);
      setChecking(false);
      if (found && found.length > 0) return setWarning(found);
    }
    sendNow();
  };

  /** Puts the caret (or a selection) where a menu or dialog leaves the agent. */
  const moveCaret = (start: number, end: number) => {
    setTypingAt(null);
    if (textarea.current) selectInTextarea(textarea.current, start, end);
  };
  const suggestions = useSuggestionMenu(textarea, spelling, moveCaret);
  const responses = useResponses(textarea, tools, moveCaret);

  return (
    <form
      class="compose"
      onFocusOut={flush}
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
          underlined={underlined}
          culprits={culprits}
          unfilled={unfilled}
          describedBy={[showUnfilled ? unfilledId : '', counterId, culpritGroups.length > 0 ? unicodeId : '', summaryId, hintId].filter(Boolean).join(' ')}
          invalid={overLimit || showUnfilled}
          spelling={result?.text === draft ? 'checked' : spelling.status === 'ready' ? 'pending' : 'off'}
          textareaRef={textarea}
          onText={(value, caret) => {
            setTypingAt(caret);
            change(value);
          }}
          onCaretMoved={() => setTypingAt(null)}
          onSubmitKey={() => void send()}
          onShortcut={responses.expandShortcut}
          onSuggestions={suggestions.open}
        />
      </div>
      {showUnfilled && (
        <p id={unfilledId} class="unfilled-variables" role="alert">
          {t('compose_unfilled', [...new Set(unfilled.map((range) => draft.slice(range.start, range.end)))].join(', '))}
        </p>
      )}
      <SmsCounter id={counterId} count={count} maxMessages={settings.maxMessages} />
      <UnicodeCharacters
        id={unicodeId}
        groups={culpritGroups}
        canReplace={canReplace}
        onReplace={() => textarea.current && replaceInTextarea(textarea.current, 0, draft.length, replaceLookalikes(draft))}
      />
      <ComposeToolbar
        spelling={spelling}
        misspelled={underlined.map((m) => m.word)}
        summaryId={summaryId}
        onOpenResponses={responses.openLibrary}
      />
      <p id={hintId} class="hint">
        {t('compose_hint')}
      </p>
      {completionBlocked && (
        <p id={blockedId} class="blocked-reason">
          {completionBlocked}
        </p>
      )}
      <div class="actions">
        <button
          type="submit"
          class="button primary"
          disabled={!canSend}
          aria-busy={checking || undefined}
          aria-describedby={sendBlocked ? blockedId : undefined}
        >
          {t('compose_send')}
        </button>
        <MarkDoneButton busy={busy} completionBlocked={completionBlocked} reasonId={blockedId} onMarkDone={onMarkDone} />
      </div>
      <p class="waiting" role="status">
        {busy && disconnected ? t('compose_waiting_connection') : ''}
      </p>
      {suggestions.element}
      {responses.element}
      {warning && (
        <SpellingWarningDialog
          misspellings={warning}
          onSend={() => {
            setWarning(null);
            sendNow();
          }}
          onReview={() => {
            const first = warning[0];
            setWarning(null);
            if (first) moveCaret(first.start, first.end);
          }}
        />
      )}
    </form>
  );
}
