import type { MediaStore } from './store';
import { sniffMagic } from './sniff';
import { makeThumbnail, UndecodableImageError } from './thumbnail';
import { DEFAULT_MEDIA_LIMITS } from './types';

/** Thumbnails being made right now, by original hash: two agents opening one picture share the work. */
const inFlight = new Map<string, Promise<boolean>>();

/**
 * Makes the thumbnail of a stored original unless it exists (thumbnails are a cache: delete the
 * `thumbs` folder after changing the recipe and they come back on demand). Returns false when the
 * original itself is not stored. Throws UndecodableImageError if the original does not decode.
 */
export async function ensureThumbnail(store: MediaStore, hash: string, maxPixels = DEFAULT_MEDIA_LIMITS.maxPixels): Promise<boolean> {
  if (await store.has(hash, 'thumb')) return true;
  const pending = inFlight.get(hash);
  if (pending) return pending;
  const work = (async () => {
    const bytes = await store.read(hash, 'full');
    if (!bytes) return false;
    const type = sniffMagic(bytes);
    if (!type) throw new UndecodableImageError(`stored media ${hash} is not an allowed image; the file was altered`);
    const thumbnail = await makeThumbnail(bytes, type, maxPixels);
    await store.putThumbnail(hash, thumbnail);
    return true;
  })();
  inFlight.set(hash, work);
  try {
    return await work;
  } finally {
    inFlight.delete(hash);
  }
}
