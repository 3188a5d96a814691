import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ContactHistory, TranscriptEntry } from '../protocol';

// The panel's IndexedDB: contact histories (so they open at once and read offline), transcripts
// opened from them, and note drafts (so a closed panel loses nothing typed). Cleared at Sign out.

export const HISTORY_DB_NAME = 'texto-history';

export interface CachedHistory {
  contactId: string;
  history: ContactHistory;
  /** Local time it was stored (the panel says how old a copy is). */
  savedAt: number;
}

export interface CachedTranscript {
  interactionId: string;
  contactId: string;
  transcript: TranscriptEntry[];
  bytes: number;
}

/** Per contact: when it was last used, and roughly how much room it takes (for eviction). */
export interface ContactUsage {
  contactId: string;
  usedAt: number;
  historyBytes: number;
  transcriptBytes: number;
}

export interface NoteDraft {
  interactionId: string;
  note: string;
  updatedAt: number;
}

export interface HistorySchema extends DBSchema {
  histories: { key: string; value: CachedHistory };
  transcripts: { key: string; value: CachedTranscript; indexes: { byContact: string } };
  usage: { key: string; value: ContactUsage };
  noteDrafts: { key: string; value: NoteDraft };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

/** Opens (creating at first use) the cache database; a second tab's upgrade closes this one. */
export function openHistoryDb(): Promise<HistoryDb> {
  let db: HistoryDb | undefined;
  const opening = openDB<HistorySchema>(HISTORY_DB_NAME, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('histories', { keyPath: 'contactId' });
      upgrading.createObjectStore('transcripts', { keyPath: 'interactionId' }).createIndex('byContact', 'contactId');
      upgrading.createObjectStore('usage', { keyPath: 'contactId' });
      upgrading.createObjectStore('noteDrafts', { keyPath: 'interactionId' });
    },
    blocking() {
      db?.close();
    },
  });
  return opening.then((opened) => (db = opened));
}
