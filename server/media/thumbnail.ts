import sharp from 'sharp';
import { DEFAULT_MEDIA_LIMITS, type ImageType } from './types';

/** Longest side of a thumbnail: a transcript shows them at up to 160 CSS px, so 2× for HiDPI. */
export const THUMBNAIL_MAX_SIDE = 320;
export const THUMBNAIL_TYPE = 'image/webp' as const;

export interface Thumbnail {
  bytes: Uint8Array;
  contentType: typeof THUMBNAIL_TYPE;
  width: number;
  height: number;
  /** The original's size as a viewer shows it (EXIF orientation applied). */
  source: { width: number; height: number };
}

/** The image could not be decoded (damaged data past what the header check sees, or a lie in the header). */
export class UndecodableImageError extends Error {
  override readonly name = 'UndecodableImageError';
}

const SHARP_FORMAT: Record<ImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * libvips runs on libuv's thread pool; without a cap, a burst of MMS would decode many 40-megapixel
 * images at once and multiply peak memory. Two matches the cores of the reference machine.
 */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * A WebP thumbnail at most 320×320, EXIF orientation applied, first frame of an animation, no
 * metadata (the customer's GPS position stays in the original only). Decodes with libvips through
 * sharp, refusing anything but `expected` (libvips also reads SVG, PDF, TIFF…: never let it guess)
 * and anything over `maxPixels`. Throws UndecodableImageError for a file that does not decode.
 */
export async function makeThumbnail(
  bytes: Uint8Array,
  expected: ImageType,
  maxPixels = DEFAULT_MEDIA_LIMITS.maxPixels,
): Promise<Thumbnail> {
  return withSlot(async () => {
    try {
      // failOn 'error' refuses truncated and broken data but tolerates the benign warnings many
      // phone JPEGs trigger (extraneous bytes before a marker) that browsers display anyway.
      const image = sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels, autoOrient: true, pages: 1 });
      const metadata = await image.metadata();
      if (metadata.format !== SHARP_FORMAT[expected]) {
        throw new UndecodableImageError(`the decoder read it as ${metadata.format}, not ${SHARP_FORMAT[expected]}`);
      }
      const { data, info } = await image
        .timeout({ seconds: 30 })
        .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      const source = { width: metadata.autoOrient.width, height: metadata.autoOrient.height };
      return { bytes: data, contentType: THUMBNAIL_TYPE, width: info.width, height: info.height, source };
    } catch (error) {
      if (error instanceof UndecodableImageError) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/^\w+: /, '') : String(error);
      throw new UndecodableImageError(`the image data does not decode: ${reason}`);
    }
  });
}

/** Width and height as a viewer shows the image (EXIF orientation applied), read from the header only. */
export async function orientedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  try {
    const { autoOrient } = await sharp(bytes).metadata();
    return { width: autoOrient.width, height: autoOrient.height };
  } catch (error) {
    throw new UndecodableImageError(`the image header does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
}
