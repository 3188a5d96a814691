import { acceptMedia } from './accept';
import { refusalsFor } from './refusals';
import { inspectImage } from './sniff';
import { hashMedia, type MediaStore, type StoredMedia } from './store';
import { makeThumbnail, orientedSize, type Thumbnail, THUMBNAIL_TYPE, UndecodableImageError } from './thumbnail';
import {
  type AcceptedMedia,
  DEFAULT_MEDIA_LIMITS,
  type MediaLimits,
  type MediaPart,
  type MediaRefusal,
} from './types';

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

interface Described {
  hash: string;
  source: { width: number; height: number };
  thumbnail: IngestedMedia['thumbnail'];
}

/** Decodes once for the thumbnail (which proves the file decodes), then stores both. */
async function thumbnailAndStore(store: MediaStore, file: AcceptedMedia, limits: MediaLimits): Promise<Described> {
  const thumbnail = await makeThumbnail(file.bytes, file.contentType, limits.maxPixels);
  const { hash } = await store.put({ ...file, ...thumbnail.source });
  await store.putThumbnail(hash, thumbnail);
  const { contentType, width, height } = thumbnail;
  return { hash, source: thumbnail.source, thumbnail: { contentType, width, height, bytes: thumbnail.bytes.byteLength } };
}

/**
 * The same bytes were stored before (a customer resending a picture, one image to many agents):
 * they decoded then, so read sizes from headers instead of decoding 12 megapixels again.
 */
async function describeStored(store: MediaStore, file: AcceptedMedia): Promise<Described | null> {
  const hash = hashMedia(file.bytes);
  if (!(await store.has(hash, 'full'))) return null;
  const stored = await store.read(hash, 'thumb');
  if (!stored) return null;
  const thumb = inspectImage(stored);
  if (!thumb.ok || thumb.type !== THUMBNAIL_TYPE) return null;
  const thumbnail = { contentType: THUMBNAIL_TYPE, width: thumb.width, height: thumb.height, bytes: stored.byteLength };
  return { hash, source: await orientedSize(file.bytes), thumbnail };
}

/**
 * The whole inbound path for one MMS: accept by bytes, decode once to make the thumbnail (a file
 * that does not decode is refused as corrupt, not stored), then store original and thumbnail.
 * A file already stored is not decoded again. Files are handled one after another so one message never holds more than one decoded image.
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
    let described: Described;
    try {
      described = (await describeStored(store, file)) ?? (await thumbnailAndStore(store, file, limits));
    } catch (error) {
      if (!(error instanceof UndecodableImageError)) throw error;
      const problem = { ok: false as const, problem: 'malformed' as const, type: file.contentType, detail: error.message };
      refused.push(refusalsFor(file.index, file.filename).fromProblem(problem));
      continue;
    }
    media.push({
      hash: described.hash,
      contentType: file.contentType,
      bytes: file.bytes.byteLength,
      ...described.source,
      index: file.index,
      ...(file.filename === undefined ? {} : { filename: file.filename }),
      declaredType: file.declaredType,
      typeMismatch: file.typeMismatch,
      frames: file.frames,
      thumbnail: described.thumbnail,
    });
  }
  refused.sort((a, b) => a.index - b.index);
  return { media, refused };
}
