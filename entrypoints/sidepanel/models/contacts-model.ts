import { signal } from '@preact/signals';
import type { CommandOf, ContactCard } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';
import { runQuery } from './run-query';

/** The directory is asked once typing pauses this long (not on every keystroke). */
const SEARCH_PAUSE_MS = 200;

export type ContactSearch = { text: string; loading: boolean; results: ContactCard[]; error?: string };

/**
 * The contact actions: edit (contact.edit) and assign an unknown contact's interaction to a known
 * one (contact.assign) with a directory search as the agent types. Call and Email from the contact
 * menu go through the configured dialer (`contact-actions-model.ts`), like a number in the transcript.
 */
export function createContactsModel(link: BackgroundLink) {
  const actions = createActionTracker();
  const search = signal<ContactSearch>({ text: '', loading: false, results: [] });
  let searchSeq = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    busy: actions.busy,
    errors: actions.errors,
    search,

    update: (interactionId: string, change: Omit<CommandOf<'updateContact'>, 'name'>) =>
      actions.run(`contact:${interactionId}`, () => runCommand(link, { name: 'updateContact', ...change })),

    assign: (interactionId: string, contactId: string) =>
      actions.run(`contact:${interactionId}`, () => runCommand(link, { name: 'assignContact', interactionId, contactId })),

    /** The directory, as the agent types: asked once typing pauses briefly; the newest answer wins. */
    find(text: string): void {
      const seq = ++searchSeq;
      clearTimeout(searchTimer);
      if (text.trim().length < 2) {
        search.value = { text, loading: false, results: [] };
        return;
      }
      search.value = { ...search.value, text, loading: true };
      searchTimer = setTimeout(() => {
        void runQuery(link, { query: 'searchContacts', text }).then((outcome) => {
          if (seq !== searchSeq) return;
          search.value = outcome.ok
            ? { text, loading: false, results: outcome.result.contacts }
            : { text, loading: false, results: [], error: outcome.message };
        });
      }, SEARCH_PAUSE_MS);
    },

    clearSearch() {
      clearTimeout(searchTimer);
      searchSeq += 1;
      search.value = { text: '', loading: false, results: [] };
    },
  };
}

export type ContactsModel = ReturnType<typeof createContactsModel>;
