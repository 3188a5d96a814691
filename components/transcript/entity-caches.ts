import { createEntityCache, type EntityCache } from '@/lib/entities/cache';
import type { CountryCode } from '@/lib/entities/types';

/**
 * One entity cache per region for the whole panel: each message's links and numbers are detected
 * once, however often its row is rendered, scrolled away and back, or re-rendered by a new message.
 */
const caches = new Map<string, EntityCache>();

export function entityCacheFor(region: string | undefined): EntityCache {
  const key = region ?? 'FR';
  let cache = caches.get(key);
  if (!cache) {
    cache = createEntityCache({ region: key as CountryCode });
    caches.set(key, cache);
  }
  return cache;
}
