import { signal } from '@preact/signals';
import type { HistoryView } from '@/components/history/HistoryPanel';
import type { HistoryCache } from '@/lib/history-cache';
import type { ContactHistory, HistoryInteraction, TranscriptEntry } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { runQuery } from './run-query';

/** The most past interactions a history shows (and caches) per contact; +1 for the one being handled. */
export const HISTORY_LIMIT = 501;

export interface ContactCounts {
  inProgress: number;
  last30Days: number;
}

/** What an offline search can look at in a saved history. */
function matchesLocally(item: HistoryInteraction, needle: string, labelOf: (code: string) => string): boolean {
  const fields = [item.note, item.preview, item.phone, item.agentName ?? '', item.disposition ?? '', item.disposition ? labelOf(item.disposition) : ''];
  return fields.some((field) => field.toLocaleLowerCase().includes(needle));
}

/**
 * Contact histories: shown at once from the IndexedDB cache, then refreshed from the server;
 * readable offline; searched on the server (or in the saved copy when offline). Only the counts
 * stay in memory for every contact on the desk; a history's items live in memory while open.
 */
export function createHistoryModel(link: BackgroundLink, cache: HistoryCache, labelOf: (code: string) => string = (c) => c) {
  const views = signal<ReadonlyMap<string, HistoryView>>(new Map());
  const counts = signal<ReadonlyMap<string, ContactCounts>>(new Map());
  const transcripts = signal<ReadonlyMap<string, { entries?: TranscriptEntry[]; loading: boolean; error?: string }>>(new Map());
  const opened = new Set<string>();
  /** What the desk showed of each contact when its counts were last fetched. */
  const prefetched = new Map<string, string>();

  const setView = (contactId: string, change: Partial<HistoryView>) => {
    const previous = views.value.get(contactId) ?? { history: null, source: 'none', refreshing: false, offline: false };
    views.value = new Map(views.value).set(contactId, { ...previous, ...change });
  };
  const setCounts = (history: ContactHistory) => {
    counts.value = new Map(counts.value).set(history.contact.id, { inProgress: history.inProgress, last30Days: history.last30Days });
  };
  const save = (history: ContactHistory) => cache.writeHistory(history).catch((error: unknown) => console.warn('Texto: history not cached:', error));

  /** Asks the server for the whole (unfiltered) history, stores it, and shows it if open. */
  async function refresh(contactId: string): Promise<void> {
    if (opened.has(contactId)) setView(contactId, { refreshing: true });
    const outcome = await runQuery(link, { query: 'contactHistory', contactId, limit: HISTORY_LIMIT });
    if (!outcome.ok) {
      if (opened.has(contactId)) {
        setView(contactId, { refreshing: false, offline: outcome.code === 'network', ...(outcome.code === 'network' ? {} : { error: outcome.message }) });
      }
      return;
    }
    const { history } = outcome.result;
    setCounts(history);
    await save(history);
    if (opened.has(contactId) && !views.value.get(contactId)?.history?.text) {
      setView(contactId, { history, source: 'server', refreshing: false, offline: false, error: undefined, savedAt: Date.now() });
    }
  }

  return {
    views,
    counts,
    transcripts,

    /**
     * Counts for a contact on the desk: from the saved copy at once, then from the server; again
     * whenever the desk's interactions with the contact change (`deskSignature`).
     */
    async prefetch(contactId: string, deskSignature = ''): Promise<void> {
      if (prefetched.get(contactId) === deskSignature) return;
      prefetched.set(contactId, deskSignature);
      const cached = await cache.readHistory(contactId).catch(() => undefined);
      if (cached && !counts.value.has(contactId)) setCounts(cached.history);
      await refresh(contactId);
    },

    /** Shows the history: the saved copy first (no network wait), then the server's. */
    async open(contactId: string): Promise<void> {
      opened.add(contactId);
      const cached = await cache.readHistory(contactId).catch(() => undefined);
      if (cached && opened.has(contactId)) {
        setView(contactId, { history: cached.history, source: 'cache', savedAt: cached.savedAt, error: undefined });
        if (!counts.value.has(contactId)) setCounts(cached.history);
      }
      await refresh(contactId);
    },

    /** The history is hidden: its items leave memory (the cache keeps them). */
    close(contactId: string) {
      opened.delete(contactId);
      const next = new Map(views.value);
      next.delete(contactId);
      views.value = next;
    },

    /** Searches transcripts and notes on the server; offline, the saved copy's notes and previews. */
    async search(contactId: string, text: string): Promise<void> {
      const needle = text.trim();
      if (!needle) {
        const cached = await cache.readHistory(contactId).catch(() => undefined);
        if (cached) setView(contactId, { history: cached.history, source: 'cache', savedAt: cached.savedAt, searchedLocally: false });
        await refresh(contactId);
        return;
      }
      setView(contactId, { refreshing: true });
      const outcome = await runQuery(link, { query: 'contactHistory', contactId, text: needle, limit: HISTORY_LIMIT });
      if (outcome.ok) {
        setView(contactId, { history: outcome.result.history, source: 'server', refreshing: false, offline: false, searchedLocally: false, error: undefined });
        return;
      }
      const cached = await cache.readHistory(contactId).catch(() => undefined);
      if (outcome.code !== 'network' || !cached) {
        setView(contactId, { refreshing: false, offline: outcome.code === 'network', error: outcome.message });
        return;
      }
      const lower = needle.toLocaleLowerCase();
      const all = cached.history;
      const interactions = all.interactions.filter((item) => matchesLocally(item, lower, labelOf));
      const activities = all.activities.filter((a) => a.target.toLocaleLowerCase().includes(lower));
      setView(contactId, {
        history: { ...all, interactions, activities, total: interactions.length, text: needle },
        source: 'cache',
        savedAt: cached.savedAt,
        refreshing: false,
        offline: true,
        searchedLocally: true,
      });
    },

    /** A past interaction's transcript, from the cache or the server (then cached). */
    async loadTranscript(contactId: string, interactionId: string): Promise<void> {
      const set = (value: { entries?: TranscriptEntry[]; loading: boolean; error?: string }) => {
        transcripts.value = new Map(transcripts.value).set(interactionId, value);
      };
      set({ loading: true });
      const cached = await cache.readTranscript(interactionId).catch(() => undefined);
      if (cached) set({ entries: cached, loading: true });
      const outcome = await runQuery(link, { query: 'historyTranscript', interactionId });
      if (outcome.ok) {
        set({ entries: outcome.result.transcript, loading: false });
        await cache.writeTranscript(contactId, interactionId, outcome.result.transcript).catch(() => undefined);
      } else {
        set({ ...(cached ? { entries: cached } : {}), loading: false, ...(cached ? {} : { error: outcome.message }) });
      }
    },

    hideTranscript(interactionId: string) {
      const next = new Map(transcripts.value);
      next.delete(interactionId);
      transcripts.value = next;
    },

    /** Signed out: nothing of the agent's contacts stays in memory. */
    reset() {
      opened.clear();
      prefetched.clear();
      views.value = new Map();
      counts.value = new Map();
      transcripts.value = new Map();
    },

    /** After a reconnect, counts may have moved on. */
    forgetPrefetched() {
      prefetched.clear();
    },
  };
}

export type HistoryModel = ReturnType<typeof createHistoryModel>;
