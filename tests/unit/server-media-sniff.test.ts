import { describe, expect, it } from 'vitest';
import { inspectImage, sniffImage } from '../../server/media/sniff';
import { fixture } from '../fixtures/media/load';

describe('sniffImage: the type comes from the bytes', () => {
  it.each([
    ['photo-rotated.jpg', 'image/jpeg', 400, 300],
    ['screenshot.png', 'image/png', 640, 160],
    ['animated.gif', 'image/gif', 60, 40],
    ['sticker.webp', 'image/webp', 500, 200],
    ['lossless.webp', 'image/webp', 90, 30],
    ['animated.webp', 'image/webp', 60, 40],
  ])('recognises %s as %s, %i × %i', (name, type, width, height) => {
    expect(sniffImage(fixture(name))).toEqual({ type, width, height });
  });

  it('counts the frames of animations', () => {
    expect(inspectImage(fixture('animated.gif'))).toMatchObject({ ok: true, frames: 3 });
    expect(inspectImage(fixture('animated.webp'))).toMatchObject({ ok: true, frames: 3 });
    expect(inspectImage(fixture('photo-rotated.jpg'))).toMatchObject({ ok: true, frames: 1 });
  });

  it.each([
    ['drawing.svg', 'svg'],
    ['page.html', 'html'],
    ['photo.avif', 'avif'],
  ])('refuses %s and says it is %s', (name, kind) => {
    expect(sniffImage(fixture(name))).toBeNull();
    expect(inspectImage(fixture(name))).toEqual({ ok: false, problem: 'unknown_type', kind });
  });

  it('names other formats customers send', () => {
    const kinds = {
      pdf: Buffer.from('%PDF-1.7\n1 0 obj'),
      heic: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'),
      bmp: Buffer.from('BM\x36\0\0\0\0\0', 'latin1'),
      tiff: Buffer.from('II*\0\x08\0\0\0', 'latin1'),
      zip: Buffer.from('PK\x03\x04\x14\0', 'latin1'),
      text: Buffer.from('just some words, maybe base64 sent twice'),
      unknown: Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x80, 0x90]),
    };
    for (const [kind, bytes] of Object.entries(kinds)) expect(inspectImage(bytes)).toEqual({ ok: false, problem: 'unknown_type', kind });
  });

  it('finds SVG even behind a byte-order mark and blank lines', () => {
    expect(inspectImage(Buffer.from('\uFEFF\n\n  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ kind: 'svg' });
  });

  it('refuses an empty file', () => {
    expect(inspectImage(new Uint8Array(0))).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['polyglot-comment.gif', 'polyglot-appended.png', 'polyglot-comment.jpg'])(
    'refuses the polyglot %s (a valid image that is also a web page)',
    (name) => {
      expect(sniffImage(fixture(name))).toBeNull();
      expect(inspectImage(fixture(name))).toMatchObject({ ok: false, problem: 'hidden_markup' });
    },
  );

  it('refuses a WebP with HTML in an unknown chunk', () => {
    const webp = fixture('lossless.webp');
    const html = Buffer.from('<iframe src=x></iframe>');
    const chunk = Buffer.concat([Buffer.from('ZZZZ'), Buffer.alloc(4), html, Buffer.alloc(html.length & 1)]);
    chunk.writeUInt32LE(html.length, 4);
    const riff = Buffer.concat([webp, chunk]);
    riff.writeUInt32LE(riff.length - 8, 4);
    expect(inspectImage(riff)).toMatchObject({ ok: false, problem: 'hidden_markup', markup: '<iframe' });
  });

  it('keeps photos whose metadata has ordinary text, and trailing bytes without markup', () => {
    const jpeg = fixture('photo-rotated.jpg');
    const text = Buffer.from('Holiday <3 in Lyon, "best" view > any other');
    const com = Buffer.from([0xff, 0xfe, 0, text.length + 2]);
    const withComment = Buffer.concat([jpeg.subarray(0, 2), com, text, jpeg.subarray(2), Buffer.from('trailing camera data')]);
    expect(sniffImage(withComment)).toEqual({ type: 'image/jpeg', width: 400, height: 300 });
  });

  it.each([
    ['truncated.jpg', 'image/jpeg'],
    ['truncated.png', 'image/png'],
  ])('refuses the truncated %s as truncated', (name, type) => {
    expect(sniffImage(fixture(name))).toBeNull();
    expect(inspectImage(fixture(name))).toMatchObject({ ok: false, problem: 'truncated', type });
  });

  it('refuses every cut of each image: a file is whole or it is refused', () => {
    for (const name of ['photo-rotated.jpg', 'screenshot.png', 'animated.gif', 'sticker.webp', 'animated.webp']) {
      const bytes = fixture(name);
      for (let length = 1; length < bytes.length; length += Math.max(1, Math.floor(bytes.length / 97))) {
        const result = inspectImage(bytes.subarray(0, length));
        expect(result.ok, `${name} cut at ${length}`).toBe(false);
      }
    }
  });

  it('refuses garbage behind a valid magic number', () => {
    const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff));
    for (const magic of [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('GIF89a')], [...Buffer.from('RIFF\x20\0\0\0WEBP', 'latin1')]]) {
      expect(sniffImage(Buffer.concat([Buffer.from(magic), garbage]))).toBeNull();
    }
  });

  it('refuses a PNG whose header chunk was altered (checksum mismatch)', () => {
    const png = Buffer.from(fixture('screenshot.png'));
    png.writeUInt32BE(64_000, 16);
    expect(inspectImage(png)).toMatchObject({ ok: false, problem: 'malformed', detail: expect.stringContaining('checksum') as string });
  });

  it('reads the dimensions of the decompression bomb from its header without decoding it', () => {
    expect(inspectImage(fixture('bomb.png'))).toMatchObject({ ok: true, width: 8000, height: 8000, pixels: 64_000_000 });
  });

  it('counts a GIF frame that reaches past its canvas in the pixels a decoder would allocate', () => {
    const gif = Buffer.from(fixture('animated.gif'));
    const frame = gif.indexOf(0x2c, 13);
    gif.writeUInt16LE(30_000, frame + 5);
    gif.writeUInt16LE(30_000, frame + 7);
    expect(inspectImage(gif)).toMatchObject({ ok: true, width: 60, height: 40, pixels: 900_000_000 });
  });
});
