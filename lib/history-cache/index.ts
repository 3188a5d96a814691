import { createHistoryCache, DEFAULT_LIMITS, type CacheLimits } from './cache';
import { openHistoryDb, type HistoryDb } from './db';
import { createNoteDrafts } from './drafts';

export type { CachedHistory, NoteDraft } from './db';
export type { CacheLimits, HistoryCache } from './cache';
export type { NoteDrafts } from './drafts';
export { createHistoryCache, createNoteDrafts, DEFAULT_LIMITS, openHistoryDb };

/** The panel's (or background's) one connection to the cache database, opened on first use. */
export function historyStorage(limits: CacheLimits = DEFAULT_LIMITS) {
  let db: Promise<HistoryDb> | undefined;
  const database = () => (db ??= openHistoryDb());
  return { cache: createHistoryCache(database, limits), drafts: createNoteDrafts(database) };
}
