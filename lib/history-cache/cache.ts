import type { ContactHistory, TranscriptEntry } from '../protocol';
import type { CachedHistory, ContactUsage, HistoryDb } from './db';

export interface CacheLimits {
  /** Contacts kept; the least recently used go first. */
  maxContacts: number;
  /** Rough size kept (UTF-16 length of the stored JSON, in bytes); the least recently used go first. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: CacheLimits = { maxContacts: 200, maxBytes: 20 * 1024 * 1024 };

const sizeOf = (value: unknown) => JSON.stringify(value).length * 2;

/**
 * The contact-history cache over an open database: read (which marks the contact used), write
 * (which evicts the least recently used contacts past the limits), transcripts, and clear.
 */
export function createHistoryCache(open: () => Promise<HistoryDb>, limits: CacheLimits = DEFAULT_LIMITS, clock: () => number = Date.now) {
  let db: Promise<HistoryDb> | undefined;
  const database = () => (db ??= open().catch((error: unknown) => {
    db = undefined;
    throw error;
  }));

  async function evict(handle: HistoryDb, keep: string): Promise<string[]> {
    const tx = handle.transaction(['histories', 'transcripts', 'usage'], 'readwrite');
    const usage = (await tx.objectStore('usage').getAll()).sort((a, b) => a.usedAt - b.usedAt);
    let bytes = usage.reduce((sum, u) => sum + u.historyBytes + u.transcriptBytes, 0);
    let count = usage.length;
    const evicted: string[] = [];
    for (const entry of usage) {
      if (count <= limits.maxContacts && bytes <= limits.maxBytes) break;
      if (entry.contactId === keep) continue;
      await tx.objectStore('histories').delete(entry.contactId);
      await tx.objectStore('usage').delete(entry.contactId);
      const transcripts = await tx.objectStore('transcripts').index('byContact').getAllKeys(entry.contactId);
      for (const key of transcripts) await tx.objectStore('transcripts').delete(key);
      count -= 1;
      bytes -= entry.historyBytes + entry.transcriptBytes;
      evicted.push(entry.contactId);
    }
    await tx.done;
    return evicted;
  }

  return {
    /** The stored history of a contact (undefined when none), marking the contact as just used. */
    async readHistory(contactId: string): Promise<CachedHistory | undefined> {
      const handle = await database();
      const tx = handle.transaction(['histories', 'usage'], 'readwrite');
      const [cached, usage] = await Promise.all([tx.objectStore('histories').get(contactId), tx.objectStore('usage').get(contactId)]);
      if (cached && usage) await tx.objectStore('usage').put({ ...usage, usedAt: clock() });
      await tx.done;
      return cached;
    },

    /** Stores a contact's (unfiltered) history; returns the contacts evicted to stay within the limits. */
    async writeHistory(history: ContactHistory): Promise<string[]> {
      const handle = await database();
      const contactId = history.contact.id;
      const record: CachedHistory = { contactId, history, savedAt: clock() };
      const tx = handle.transaction(['histories', 'usage'], 'readwrite');
      const previous = await tx.objectStore('usage').get(contactId);
      const usage: ContactUsage = { contactId, usedAt: clock(), historyBytes: sizeOf(record), transcriptBytes: previous?.transcriptBytes ?? 0 };
      await Promise.all([tx.objectStore('histories').put(record), tx.objectStore('usage').put(usage)]);
      await tx.done;
      return evict(handle, contactId);
    },

    async readTranscript(interactionId: string): Promise<TranscriptEntry[] | undefined> {
      return (await (await database()).get('transcripts', interactionId))?.transcript;
    },

    /** Stores a transcript opened from a contact's history (it goes when its contact goes). */
    async writeTranscript(contactId: string, interactionId: string, transcript: TranscriptEntry[]): Promise<void> {
      const handle = await database();
      const tx = handle.transaction(['transcripts', 'usage'], 'readwrite');
      const bytes = sizeOf(transcript);
      const previous = await tx.objectStore('transcripts').get(interactionId);
      const usage = await tx.objectStore('usage').get(contactId);
      await tx.objectStore('transcripts').put({ interactionId, contactId, transcript, bytes });
      if (usage) await tx.objectStore('usage').put({ ...usage, transcriptBytes: usage.transcriptBytes - (previous?.bytes ?? 0) + bytes });
      await tx.done;
      if (usage) await evict(handle, contactId);
    },

    /** Forgets every contact (Sign out: the next agent on this browser sees nothing of them). */
    async clear(): Promise<void> {
      const handle = await database();
      const tx = handle.transaction(['histories', 'transcripts', 'usage', 'noteDrafts'], 'readwrite');
      await Promise.all([
        tx.objectStore('histories').clear(),
        tx.objectStore('transcripts').clear(),
        tx.objectStore('usage').clear(),
        tx.objectStore('noteDrafts').clear(),
      ]);
      await tx.done;
    },

    /** Contacts stored, least recently used first (tests and diagnostics). */
    async contacts(): Promise<string[]> {
      const usage = await (await database()).getAll('usage');
      return usage.sort((a, b) => a.usedAt - b.usedAt).map((u) => u.contactId);
    },
  };
}

export type HistoryCache = ReturnType<typeof createHistoryCache>;
