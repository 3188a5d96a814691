import { describe, expect, it } from 'vitest';
import { acceptMedia } from '../../server/media/accept';
import { DEFAULT_MEDIA_LIMITS, maxInboundBodyBytes, mediaLimits, type MediaPart } from '../../server/media/types';
import { fixture, part } from '../fixtures/media/load';

const jpeg = fixture('photo-rotated.jpg');
const png = fixture('screenshot.png');

describe('acceptMedia: which files of an MMS are kept', () => {
  it('accepts each allowed type, with the type read from the bytes', () => {
    const parts = [
      part(jpeg, 'image/jpeg', 'photo.jpg'),
      part(png, 'image/png', 'screen.png'),
      part(fixture('animated.gif'), 'image/gif'),
      part(fixture('sticker.webp'), 'image/webp'),
    ];
    const { accepted, refused } = acceptMedia(parts);
    expect(refused).toEqual([]);
    expect(accepted.map((file) => [file.index, file.contentType, file.width, file.height, file.typeMismatch])).toEqual([
      [0, 'image/jpeg', 400, 300, false],
      [1, 'image/png', 640, 160, false],
      [2, 'image/gif', 60, 40, false],
      [3, 'image/webp', 500, 200, false],
    ]);
    // PNG bytes are kept as sent (a JPEG loses its private metadata: server-media-jpeg-metadata.test.ts).
    expect(Buffer.from(accepted[1]!.bytes).equals(png)).toBe(true);
    expect(accepted[0]!.filename).toBe('photo.jpg');
  });

  it('keeps a real image whose claimed type is wrong, and reports the mismatch', () => {
    const { accepted } = acceptMedia([part(png, 'image/jpeg')]);
    expect(accepted[0]).toMatchObject({ contentType: 'image/png', declaredType: 'image/jpeg', typeMismatch: true });
  });

  it('treats old spellings of a type as the same claim', () => {
    const { accepted } = acceptMedia([part(jpeg, 'IMAGE/JPG; name=x'), part(png, 'image/x-png')]);
    expect(accepted.map((file) => file.typeMismatch)).toEqual([false, false]);
  });

  it('refuses HTML claiming to be a JPEG, naming what it really is', () => {
    const { accepted, refused } = acceptMedia([part(fixture('page.html'), 'image/jpeg', 'invoice.jpg')]);
    expect(accepted).toEqual([]);
    expect(refused).toEqual([
      {
        index: 0,
        filename: 'invoice.jpg',
        reason: 'not_an_allowed_image',
        message: '"invoice.jpg" is an HTML page; only JPEG, PNG, GIF and WebP images are accepted.',
        params: { file: 'invoice.jpg', number: '1', kind: 'html' },
      },
    ]);
  });

  it('refuses SVG even when it claims to be SVG', () => {
    const { refused } = acceptMedia([part(fixture('drawing.svg'), 'image/svg+xml', 'logo.svg')]);
    expect(refused[0]).toMatchObject({ reason: 'not_an_allowed_image', params: { kind: 'svg' } });
    expect(refused[0]!.message).toContain('is an SVG drawing');
  });

  it('refuses a polyglot as not an allowed image, saying why', () => {
    const { refused } = acceptMedia([part(fixture('polyglot-appended.png'), 'image/png')]);
    expect(refused[0]).toMatchObject({ index: 0, reason: 'not_an_allowed_image', params: { kind: 'polyglot', file: '', number: '1' } });
    expect(refused[0]!.message).toBe(
      'File 1 looks like a PNG image but hides web page code inside ("<html"), so it is refused to protect whoever opens it.',
    );
  });

  it('refuses a truncated photo as corrupt and asks for it again', () => {
    const { refused } = acceptMedia([part(fixture('truncated.jpg'), 'image/jpeg', 'IMG_0042.jpg')]);
    expect(refused[0]).toMatchObject({ reason: 'corrupt', params: { problem: 'truncated' } });
    expect(refused[0]!.message).toBe(
      '"IMG_0042.jpg" is damaged or incomplete (the JPEG data ends before the image does). Ask the customer to send it again.',
    );
  });

  it('refuses an empty file as corrupt', () => {
    expect(acceptMedia([part(new Uint8Array(0), 'image/png')]).refused[0]).toMatchObject({ reason: 'corrupt', message: 'File 1 is empty (0 bytes).' });
  });

  it('refuses a file over 5 MB by default, before decoding it', () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(DEFAULT_MEDIA_LIMITS.maxBytes)]);
    const { refused } = acceptMedia([part(big, 'image/jpeg', 'big.jpg')]);
    expect(refused[0]).toMatchObject({ reason: 'too_large', params: { size: 'more than 5 MB', limit: '5 MB' } });
    expect(refused[0]!.message).toBe(
      '"big.jpg" is too large (more than 5 MB); files up to 5 MB are accepted. Ask the customer for a smaller picture.',
    );
    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([jpeg, Buffer.alloc(DEFAULT_MEDIA_LIMITS.maxBytes - jpeg.length)]);
    expect(acceptMedia([part(atLimit, 'image/jpeg')]).accepted).toHaveLength(1);
  });

  it('applies a configured size cap', () => {
    const { refused } = acceptMedia([part(fixture('bomb.png'), 'image/png')], mediaLimits({ maxBytes: 50 * 1024 }));
    expect(refused[0]).toMatchObject({ reason: 'too_large', params: { size: '61 KB', limit: '50 KB' } });
    expect(refused[0]!.message).toBe('File 1 is too large (61 KB); files up to 50 KB are accepted. Ask the customer for a smaller picture.');
  });

  it('refuses the decompression bomb from its header', () => {
    const { refused } = acceptMedia([part(fixture('bomb.png'), 'image/png', 'bomb.png')]);
    expect(refused[0]).toMatchObject({
      reason: 'too_many_pixels',
      params: { width: '8000', height: '8000', megapixels: '64', limit: '40' },
      message: '"bomb.png" is 8000 × 8000 pixels (64 megapixels); the limit is 40 megapixels.',
    });
  });

  it('refuses a JPEG whose header claims 60000 × 60000', () => {
    const liar = Buffer.from(jpeg);
    const frame = liar.indexOf(Buffer.from([0xff, 0xc0]));
    liar.writeUInt16BE(60_000, frame + 5);
    liar.writeUInt16BE(60_000, frame + 7);
    expect(acceptMedia([part(liar, 'image/jpeg')]).refused[0]).toMatchObject({ reason: 'too_many_pixels' });
  });

  it.each([
    ['a character outside base64', 'iVBORw0KGgo*AAA', 'it contains the character "*" at position 11'],
    ['padding in the middle', 'iVBO=w0KGgo', 'it has padding ("=") in the middle, at position 4'],
    ['a cut group', 'iVBORw0KG', 'it is cut short (its length is not a whole number of base64 groups)'],
    ['a non-ASCII character', 'iVBORw0K\u00e9Ggo', 'it contains the character U+00E9 at position 8'],
  ])('refuses base64 with %s, saying where', (_, base64, detail) => {
    const { refused } = acceptMedia([{ contentType: 'image/png', base64, filename: 'x.png' }]);
    expect(refused[0]).toMatchObject({ reason: 'bad_base64', message: `"x.png" could not be read: its data is not valid base64 (${detail}).` });
  });

  it('accepts MIME line breaks, missing padding and a data: URL prefix', () => {
    const encoded = png.toString('base64');
    const wrapped = encoded.match(/.{1,76}/g)!.join('\r\n');
    const parts: MediaPart[] = [
      { contentType: 'image/png', base64: wrapped },
      { contentType: 'image/png', base64: encoded.replace(/=+$/, '') },
      { contentType: 'image/png', base64: `data:image/png;base64,${encoded}` },
    ];
    const { accepted, refused } = acceptMedia(parts);
    expect(refused).toEqual([]);
    for (const file of accepted) expect(Buffer.from(file.bytes).equals(png)).toBe(true);
  });

  it('keeps the first 10 files and refuses the rest, and a refusal never stops the others', () => {
    const parts = Array.from({ length: 12 }, (_, i) => (i === 3 ? part(fixture('drawing.svg'), 'image/svg+xml') : part(png, 'image/png')));
    const { accepted, refused } = acceptMedia(parts);
    expect(accepted.map((file) => file.index)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(refused.map((r) => [r.index, r.reason])).toEqual([
      [3, 'not_an_allowed_image'],
      [10, 'too_many_files'],
      [11, 'too_many_files'],
    ]);
    expect(refused[1]!.message).toBe('File 11 was not accepted: a message can carry at most 10 files.');
  });

  it('shows a hostile file name without its disguise', () => {
    const { refused } = acceptMedia([part(fixture('page.html'), 'image/png', '../../etc/cat\u202Egnp.exe')]);
    expect(refused[0]!.filename).toBe('catgnp.exe');
    expect(refused[0]!.message.startsWith('"catgnp.exe" is an HTML page')).toBe(true);
  });

  it('refuses impossible limits from configuration with a clear message', () => {
    expect(() => mediaLimits({ maxBytes: 0 })).toThrow('media limit maxBytes must be a whole number of at least 1, not 0');
    expect(mediaLimits({ maxFiles: 3 })).toEqual({ ...DEFAULT_MEDIA_LIMITS, maxFiles: 3 });
  });

  it('sizes the HTTP body limit to one MMS: two files at their cap and the longest text arrive, the old 69 MB does not', () => {
    const limits = mediaLimits({ maxFiles: 3, maxBytes: 3000 });
    const file = Buffer.concat([png, Buffer.alloc(limits.maxBytes - png.length)]);
    const body = JSON.stringify({
      from: '+33612345678',
      to: '+33198765432',
      text: '\u00e9'.repeat(10_000),
      media: Array.from({ length: 2 }, () => part(file, 'image/png', 'x'.repeat(200))),
    });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(maxInboundBodyBytes(limits));
    expect(maxInboundBodyBytes(DEFAULT_MEDIA_LIMITS)).toBeLessThan(15 * 1024 * 1024);
  });
});
