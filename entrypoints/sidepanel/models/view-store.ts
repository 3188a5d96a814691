import { effect, signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';

/**
 * What the agent typed and which tab they chose, kept in `storage.session` (memory only, gone
 * when the browser closes) so that closing and reopening the panel loses neither. Cleared at
 * sign-out; entries of interactions that left the desk are pruned by their models.
 */
export interface StoredView {
  drafts: Record<string, string>;
  consultDrafts: Record<string, string>;
  chosen: string | null;
}

const KEY = 'texto.view';
const WRITE_DELAY_MS = 250;

function area() {
  // Firefox before 115 has no storage.session; the panel then keeps its drafts only while open.
  return browser.storage.session ?? null;
}

interface Parts {
  drafts: Signal<ReadonlyMap<string, string>>;
  consultDrafts: Signal<ReadonlyMap<string, string>>;
  chosen: Signal<string | null>;
  signedIn: () => boolean | undefined;
  /** Called once the stored view is in the signals (or could not be read). */
  onLoaded?: () => void;
}

/** Loads the stored view into the signals, then writes every change back (coalesced). */
export function persistView(parts: Parts): void {
  const loaded = signal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  void (async () => {
    const stored = (await area()?.get(KEY))?.[KEY] as StoredView | undefined;
    if (stored) {
      // Anything typed before the load finished wins over the stored copy.
      parts.drafts.value = new Map([...Object.entries(stored.drafts), ...parts.drafts.value]);
      parts.consultDrafts.value = new Map([...Object.entries(stored.consultDrafts), ...parts.consultDrafts.value]);
      parts.chosen.value ??= stored.chosen;
    }
    loaded.value = true;
    parts.onLoaded?.();
  })().catch((error: unknown) => {
    loaded.value = true;
    parts.onLoaded?.();
    console.warn('Texto: cannot read the stored drafts:', error);
  });

  effect(() => {
    const signedIn = parts.signedIn();
    const view: StoredView = {
      drafts: Object.fromEntries(parts.drafts.value),
      consultDrafts: Object.fromEntries(parts.consultDrafts.value),
      chosen: parts.chosen.value,
    };
    if (signedIn === false) {
      // Signed out: nothing typed for one agent is left for the next.
      if (parts.drafts.value.size > 0) parts.drafts.value = new Map();
      if (parts.consultDrafts.value.size > 0) parts.consultDrafts.value = new Map();
      if (parts.chosen.value !== null) parts.chosen.value = null;
      if (loaded.value) void area()?.remove(KEY).catch(() => undefined);
      return;
    }
    if (!loaded.value) return;
    clearTimeout(timer);
    timer = setTimeout(() => void area()?.set({ [KEY]: view }).catch(() => undefined), WRITE_DELAY_MS);
  });
}
