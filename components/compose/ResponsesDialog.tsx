import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { StandardResponse } from '@/lib/protocol';
import { groupByCategory, searchResponses } from '@/lib/responses/search';
import type { ResponsesTools } from './tools';
import { useModal } from './use-modal';

interface Props {
  responses: ResponsesTools;
  /** The response's text as it would be inserted (variables filled for this interaction). */
  preview: (response: StandardResponse) => string;
  onInsert: (response: StandardResponse) => void;
  onClose: () => void;
}

const languageName = (language: string) => (language === 'fr' ? t('responses_language_fr') : t('responses_language_en'));

/**
 * The standard responses library: searchable, grouped by category, one button per response.
 * Type to filter; ↓ and ↑ move between responses, Enter in the search field inserts the first
 * match; Escape closes. Works from the IndexedDB copy while the server is unreachable.
 */
export function ResponsesDialog({ responses, preview, onInsert, onClose }: Props) {
  const { dialog, closeThen } = useModal(onClose);
  const insert = (response: StandardResponse) => closeThen(() => onInsert(response));
  const titleId = useId();
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const matches = useMemo(() => searchResponses(responses.library, query), [responses.library, query]);
  const groups = useMemo(() => groupByCategory(matches), [matches]);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button.response') ?? [])];
  const onListKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? index + 1 : index - 1;
    e.preventDefault();
    if (next < 0) dialog.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <dialog ref={dialog} class="card responses-dialog" aria-labelledby={titleId}>
      <div class="responses-head">
        <h2 id={titleId}>{t('responses_title')}</h2>
        <button type="button" class="button quiet" onClick={() => closeThen(onClose)}>
          {t('responses_close')}
        </button>
      </div>
      <label class="field">
        <span>{t('responses_search')}</span>
        {/* The dialog opens on the search field: type to filter, Enter inserts the first match. */}
        <input
          type="search"
          autoFocus
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              insert(matches[0]);
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              buttons()[0]?.focus();
            }
          }}
        />
      </label>
      <div class="responses-list" ref={list} onKeyDown={onListKey}>
        {responses.status === 'loading' && responses.library.length === 0 && <p class="hint">{t('responses_loading')}</p>}
        {responses.status === 'unavailable' && responses.library.length === 0 && (
          <p class="alert" role="alert">
            {t('responses_unavailable', responses.error ?? '')}
          </p>
        )}
        {responses.status === 'ready' && responses.library.length === 0 && <p class="hint">{t('responses_none')}</p>}
        {responses.library.length > 0 && matches.length === 0 && (
          <p class="hint" role="status">
            {t('responses_no_match', query)}
          </p>
        )}
        {groups.map((group) => (
          <section key={group.category} class="response-category">
            <h3>{group.category}</h3>
            <ul>
              {group.responses.map((response) => (
                <ResponseItem key={response.id} response={response} preview={preview(response)} onInsert={insert} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </dialog>
  );
}

function ResponseItem({ response, preview, onInsert }: { response: StandardResponse; preview: string; onInsert: (r: StandardResponse) => void }) {
  const previewId = useId();
  return (
    <li class="response-item">
      <button type="button" class="response" aria-describedby={previewId} onClick={() => onInsert(response)}>
        {response.name}
      </button>
      <span class="response-meta">
        <span>{languageName(response.language)}</span>
        {response.shortcut && <kbd>{response.shortcut}</kbd>}
      </span>
      <p id={previewId} class="response-preview" lang={response.language} dir="auto">
        {preview}
      </p>
    </li>
  );
}
