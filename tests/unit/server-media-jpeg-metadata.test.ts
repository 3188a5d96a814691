import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { acceptMedia } from '../../server/media/accept';
import { withoutPrivateMetadata } from '../../server/media/jpeg-private-metadata';
import { inspectImage } from '../../server/media/sniff';
import { fixture, part } from '../fixtures/media/load';

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.4N"/></rdf:RDF></x:xmpmeta>';

/** A phone's photo: GPS position, device, XMP, orientation 6, an ICC profile, a comment and a video after the image. */
async function phonePhoto(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 99' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
    .withMetadata({ orientation: 6, icc: 'srgb' })
    .withXmp(XMP)
    .toBuffer();
  const comment = Buffer.from('Taken at 12 rue des Lilas');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  const motionPhoto = Buffer.from('....ftypmp42 GPS 48.8566,2.3522 video');
  return Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2), motionPhoto]);
}

function kept(bytes: Buffer): Buffer {
  const inspection = inspectImage(bytes);
  if (!inspection.ok) throw new Error(`not a whole image: ${inspection.problem}`);
  return Buffer.from(withoutPrivateMetadata(bytes, inspection.end));
}

describe('a JPEG as Texto keeps it', () => {
  it('loses the GPS position, the device, XMP, comments and what follows the image', async () => {
    const original = await phonePhoto();
    for (const secret of ['PhoneMaker', 'GPSLatitude', 'rue des Lilas', 'ftypmp42', '48.8566']) expect(original.includes(secret)).toBe(true);
    const clean = kept(original);
    for (const secret of ['PhoneMaker', 'Phone 99', 'GPSLatitude', 'xmpmeta', 'rue des Lilas', 'ftypmp42', '48.8566']) expect(clean.includes(secret)).toBe(false);
    const metadata = await sharp(clean).metadata();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.comments ?? []).toEqual([]);
  });

  it('keeps the same pixels, the orientation and the colour profile', async () => {
    const original = await phonePhoto();
    const clean = kept(original);
    const [before, after] = await Promise.all([original, clean].map((bytes) => sharp(bytes).raw().toBuffer()));
    expect(after!.equals(before!)).toBe(true);
    const metadata = await sharp(clean).metadata();
    expect(metadata.orientation).toBe(6);
    expect(metadata.icc).toBeDefined();
    expect(inspectImage(clean)).toMatchObject({ ok: true, width: 64, height: 32, end: clean.length });
  });

  it('writes no orientation block for a photo without one, and leaves PNG untouched', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg().toBuffer();
    const clean = kept(plain);
    expect((await sharp(clean).metadata()).exif).toBeUndefined();
    expect((await sharp(clean).raw().toBuffer()).equals(await sharp(plain).raw().toBuffer())).toBe(true);
    const png = fixture('screenshot.png');
    expect(Buffer.from(acceptMedia([part(png, 'image/png')]).accepted[0]!.bytes).equals(png)).toBe(true);
  });

  it('is what acceptMedia keeps of an MMS photo', async () => {
    const { accepted } = acceptMedia([part(await phonePhoto(), 'image/jpeg', 'IMG_0001.jpg')]);
    expect(Buffer.from(accepted[0]!.bytes).includes('GPSLatitude')).toBe(false);
    expect((await sharp(accepted[0]!.bytes).metadata()).orientation).toBe(6);
  });
});
