import { signal } from '@preact/signals';
import { dialTarget, emailTarget } from '@/lib/dialer/targets';
import type { CommandOf, ContactCard } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';
import { runQuery } from './run-query';

/** Opens a tel:/mailto: address with the system's handler, without leaving the panel. */
export function openExternal(url: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.rel = 'noopener noreferrer';
  // Web pages (a CRM's call or compose page) open in a tab; tel: and mailto: go to their handler.
  if (/^https?:/i.test(url)) anchor.target = '_blank';
  anchor.click();
}

/** The directory is asked once typing pauses this long (not on every keystroke). */
const SEARCH_PAUSE_MS = 200;

export type ContactSearch = { text: string; loading: boolean; results: ContactCard[]; error?: string };

/**
 * The contact actions: edit (contact.edit), assign an unknown contact's interaction to a known
 * one (contact.assign) with a directory search as the agent types, and Call / Email from the
 * contact menu (recorded as activities, then handed to the dialer or mail client).
 */
export function createContactsModel(link: BackgroundLink, open: (url: string) => void = openExternal) {
  const actions = createActionTracker();
  const search = signal<ContactSearch>({ text: '', loading: false, results: [] });
  let searchSeq = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const record = (interactionId: string, activity: 'call' | 'email', target: string) =>
    runCommand(link, { name: 'recordActivity', interactionId, activity, target, via: 'contact_menu' });

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

    /** Call from the contact menu: recorded first (the history shows it), then dialled. */
    async call(interactionId: string, e164: string): Promise<void> {
      const url = dialTarget({ kind: 'tel' }, e164, 'FR');
      open(url);
      await actions.run(`contact:${interactionId}`, () => record(interactionId, 'call', e164));
    },

    async email(interactionId: string, address: string): Promise<void> {
      const url = emailTarget({ kind: 'mailto' }, address);
      open(url);
      await actions.run(`contact:${interactionId}`, () => record(interactionId, 'email', address));
    },
  };
}

export type ContactsModel = ReturnType<typeof createContactsModel>;
