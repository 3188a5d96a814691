import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ingestMedia } from '../../server/media/ingest';
import { makeThumbnail, UndecodableImageError } from '../../server/media/thumbnail';
import { ensureThumbnail } from '../../server/media/thumbnail-cache';
import { fixture, part } from '../fixtures/media/load';
import { useMediaStore } from './support/media-store';

/** The colour at (x, y) of an encoded image, decoded by the same library. */
async function colourAt(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

function near(actual: number[], expected: number[]): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) < 40);
}

describe('makeThumbnail', () => {
  it.each([
    ['screenshot.png', 'image/png', 320, 80],
    ['sticker.webp', 'image/webp', 320, 128],
    ['lossless.webp', 'image/webp', 90, 30],
  ] as const)('shrinks %s to fit 320 × 320 as WebP (%i × %i), never enlarging', async (name, type, width, height) => {
    const thumb = await makeThumbnail(fixture(name), type);
    expect(thumb).toMatchObject({ contentType: 'image/webp', width, height });
    const decoded = await sharp(thumb.bytes).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['webp', width, height]);
  });

  it('applies the EXIF orientation: a sideways phone photo comes out upright', async () => {
    const thumb = await makeThumbnail(fixture('photo-rotated.jpg'), 'image/jpeg');
    expect([thumb.width, thumb.height]).toEqual([240, 320]);
    expect(thumb.source).toEqual({ width: 300, height: 400 });
    // Stored left half red, right half blue; orientation 6 turns left into top.
    expect(near(await colourAt(thumb.bytes, 120, 20), [220, 20, 20])).toBe(true);
    expect(near(await colourAt(thumb.bytes, 120, 300), [20, 20, 220])).toBe(true);
  });

  it('takes the first frame of an animated GIF, as a still image', async () => {
    const thumb = await makeThumbnail(fixture('animated.gif'), 'image/gif');
    const decoded = await sharp(thumb.bytes, { pages: -1 }).metadata();
    expect([decoded.pages ?? 1, thumb.width, thumb.height]).toEqual([1, 60, 40]);
    expect(near(await colourAt(thumb.bytes, 30, 20), [220, 20, 20])).toBe(true);
  });

  it('strips metadata (EXIF, GPS) from the thumbnail', async () => {
    const thumb = await makeThumbnail(fixture('photo-rotated.jpg'), 'image/jpeg');
    expect((await sharp(thumb.bytes).metadata()).exif).toBeUndefined();
  });

  it('refuses pixels that do not decode even when the structure is whole', async () => {
    await expect(makeThumbnail(fixture('garbled-pixels.png'), 'image/png')).rejects.toBeInstanceOf(UndecodableImageError);
  });

  it('refuses to let the decoder read a type other than the one sniffed', async () => {
    await expect(makeThumbnail(fixture('screenshot.png'), 'image/jpeg')).rejects.toThrow('the decoder read it as png, not jpeg');
  });

  it('refuses the bomb even if asked to decode it directly', async () => {
    await expect(makeThumbnail(fixture('bomb.png'), 'image/png')).rejects.toThrow('exceeds pixel limit');
  });
});

describe('ingestMedia and the thumbnail cache', () => {
  const media = useMediaStore();

  it('stores each accepted file and its thumbnail, and refuses the rest with reasons', async () => {
    const { store } = media;
    const result = await ingestMedia(
      [
        part(fixture('photo-rotated.jpg'), 'image/jpeg', 'IMG_1.jpg'),
        part(fixture('drawing.svg'), 'image/svg+xml', 'logo.svg'),
        part(fixture('garbled-pixels.png'), 'image/png', 'broken.png'),
        part(fixture('photo-rotated.jpg'), 'image/jpeg', 'again.jpg'),
      ],
      store,
    );
    expect(result.refused.map((r) => [r.index, r.reason, r.filename])).toEqual([
      [1, 'not_an_allowed_image', 'logo.svg'],
      [2, 'corrupt', 'broken.png'],
    ]);
    expect(result.refused[1]!.message).toContain('"broken.png" is damaged or incomplete (the image data does not decode');
    const [photo, again] = result.media;
    expect(photo).toMatchObject({
      index: 0,
      filename: 'IMG_1.jpg',
      contentType: 'image/jpeg',
      width: 300,
      height: 400,
      thumbnail: { contentType: 'image/webp', width: 240, height: 320 },
    });
    // The same bytes again: stored once, described from headers, same record.
    expect(again).toMatchObject({ hash: photo!.hash, width: 300, height: 400, thumbnail: photo!.thumbnail, filename: 'again.jpg' });
    expect(await store.has(photo!.hash, 'full')).toBe(true);
    expect(await store.has(photo!.hash, 'thumb')).toBe(true);
  });

  it('describes bytes stored by an earlier message without a new thumbnail', async () => {
    const { store } = media;
    const parts = [part(fixture('sticker.webp'), 'image/webp')];
    const first = await ingestMedia(parts, store);
    const thumbPath = store.pathOf(first.media[0]!.hash, 'thumb');
    const made = await stat(thumbPath);
    const second = await ingestMedia(parts, store);
    expect(second).toEqual(first);
    expect((await stat(thumbPath)).mtimeMs).toBe(made.mtimeMs);
  });

  it('makes a missing thumbnail once, and leaves an existing one untouched', async () => {
    const { store } = media;
    const { hash } = await store.put({ bytes: fixture('sticker.webp'), contentType: 'image/webp', width: 500, height: 200 });
    expect(await store.has(hash, 'thumb')).toBe(false);
    const together = await Promise.all([ensureThumbnail(store, hash), ensureThumbnail(store, hash)]);
    expect(together).toEqual([true, true]);
    const made = await stat(store.pathOf(hash, 'thumb'));
    expect(await ensureThumbnail(store, hash)).toBe(true);
    expect((await stat(store.pathOf(hash, 'thumb'))).mtimeMs).toBe(made.mtimeMs);
    expect(await ensureThumbnail(store, 'b'.repeat(64))).toBe(false);
  });
});
