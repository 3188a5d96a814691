import { acceptMedia } from './accept';
import { refusalsFor } from './refusals';
import type { MediaStore, StoredMedia } from './store';
import { makeThumbnail, type Thumbnail, UndecodableImageError } from './thumbnail';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits, type MediaPart, type MediaRefusal } from './types';

/** One file of an inbound MMS as the transcript records it (no bytes: those are in the store). */
export interface IngestedMedia extends StoredMedia {
  index: number;
  filename?: string;
  declaredType: string;
  typeMismatch: boolean;
  frames: number;
  thumbnail: Pick<Thumbnail, 'contentType' | 'width' | 'height'> & { bytes: number };
}

export interface IngestResult {
  media: IngestedMedia[];
  /** Sorted by index; each becomes a line in the transcript ("file 2 was refused: …"). */
  refused: MediaRefusal[];
}

/**
 * The whole inbound path for one MMS: accept by bytes, decode once to make the thumbnail (a file
 * that does not decode is refused as corrupt, not stored), then store original and thumbnail.
 * Files are handled one after another so one message never holds more than one decoded image.
 * Storage failures (disk full, permissions) throw: they are the server's fault, not the customer's.
 */
export async function ingestMedia(
  parts: readonly MediaPart[],
  store: MediaStore,
  limits: MediaLimits = DEFAULT_MEDIA_LIMITS,
): Promise<IngestResult> {
  const { accepted, refused } = acceptMedia(parts, limits);
  const media: IngestedMedia[] = [];
  for (const file of accepted) {
    let thumbnail: Thumbnail;
    try {
      thumbnail = await makeThumbnail(file.bytes, file.contentType, limits.maxPixels);
    } catch (error) {
      if (!(error instanceof UndecodableImageError)) throw error;
      const problem = { ok: false as const, problem: 'malformed' as const, type: file.contentType, detail: error.message };
      refused.push(refusalsFor(file.index, file.filename).fromProblem(problem));
      continue;
    }
    const stored = await store.put({ ...file, ...thumbnail.source });
    await store.putThumbnail(stored.hash, thumbnail);
    media.push({
      hash: stored.hash,
      contentType: stored.contentType,
      bytes: stored.bytes,
      width: stored.width,
      height: stored.height,
      index: file.index,
      ...(file.filename === undefined ? {} : { filename: file.filename }),
      declaredType: file.declaredType,
      typeMismatch: file.typeMismatch,
      frames: file.frames,
      thumbnail: { contentType: thumbnail.contentType, width: thumbnail.width, height: thumbnail.height, bytes: thumbnail.bytes.byteLength },
    });
  }
  refused.sort((a, b) => a.index - b.index);
  return { media, refused };
}
