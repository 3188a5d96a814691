import { signal } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { createContactsModel } from './contacts-model';
import { runCommandForResult } from './run-command';

export interface NewSmsDraft {
  from: string;
  to: string;
  text: string;
}

/** The New SMS form: open or not, what the agent typed, the contact search, sending and its refusal. */
export function createNewSmsModel(link: BackgroundLink) {
  const draft = signal<NewSmsDraft | null>(null);
  const busy = signal(false);
  const error = signal<string | undefined>(undefined);
  const contacts = createContactsModel(link);
  return {
    draft,
    busy,
    error,
    search: contacts.search,
    /** Opens the form, with a number already filled in when one is given (click-to-SMS). */
    open(from: string, to = '') {
      error.value = undefined;
      draft.value = { from, to, text: draft.value?.text ?? '' };
      contacts.clearSearch();
    },
    close() {
      draft.value = null;
      error.value = undefined;
      contacts.clearSearch();
    },
    change(patch: Partial<NewSmsDraft>) {
      if (!draft.value) return;
      draft.value = { ...draft.value, ...patch };
      if (patch.to !== undefined) {
        // Letters: a name to look up; digits only: a number, nothing to search.
        if (/\p{L}/u.test(patch.to)) contacts.find(patch.to);
        else contacts.clearSearch();
      }
    },
    pickContact(phone: string) {
      if (draft.value) draft.value = { ...draft.value, to: phone };
      contacts.clearSearch();
    },
    /** Sends the first text; the interaction id it opened (or joined) on success. */
    async send(): Promise<string | undefined> {
      const current = draft.value;
      if (!current || busy.value) return undefined;
      busy.value = true;
      error.value = undefined;
      const outcome = await runCommandForResult(link, { name: 'newSms', centreNumber: current.from, phone: current.to, text: current.text });
      busy.value = false;
      if (!outcome.ok) {
        error.value = outcome.message;
        return undefined;
      }
      draft.value = null;
      const id = outcome.result?.interactionId;
      return typeof id === 'string' ? id : undefined;
    },
  };
}

export type NewSmsModel = ReturnType<typeof createNewSmsModel>;
