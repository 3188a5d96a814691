import { readdir, readFile, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashMedia } from '../../server/media/store';
import { fixture } from '../fixtures/media/load';
import { useMediaStore } from './support/media-store';

const png = fixture('screenshot.png');
const image = { bytes: png, contentType: 'image/png' as const, width: 640, height: 160 };

const media = useMediaStore();

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort();
}

describe('MediaStore: each file stored once, by its SHA-256', () => {
  it('stores under media/ab/abcdef… and returns what it stored', async () => {
    const { store, data } = media;
    const stored = await store.put(image);
    const hash = hashMedia(png);
    expect(stored).toEqual({ hash, contentType: 'image/png', bytes: png.length, width: 640, height: 160, created: true });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await filesUnder(join(data.dir, 'media'))).toEqual([`${hash.slice(0, 2)}/${hash}`]);
    expect((await readFile(join(data.dir, 'media', hash.slice(0, 2), hash))).equals(png)).toBe(true);
  });

  it('does not write the same bytes a second time', async () => {
    const { store, data } = media;
    const first = await store.put(image);
    const path = store.pathOf(first.hash, 'full');
    const before = await stat(path);
    const second = await store.put(image);
    expect(second).toEqual({ ...first, created: false });
    expect((await stat(path)).ino).toBe(before.ino);
    expect(await filesUnder(join(data.dir, 'media'))).toHaveLength(1);
  });

  it('stores the same bytes once even when two messages carry them at the same moment', async () => {
    const { store, data } = media;
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(image)));
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    const files = await filesUnder(join(data.dir, 'media'));
    expect(files).toEqual([`${results[0]!.hash.slice(0, 2)}/${results[0]!.hash}`]);
  });

  it('reads a file back as a stream with its size and sniffed type', async () => {
    const { store } = media;
    const { hash } = await store.put(image);
    const file = await store.open(hash, 'full');
    expect(file).toMatchObject({ size: png.length, contentType: 'image/png' });
    const chunks: Buffer[] = [];
    for await (const chunk of file!.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(png)).toBe(true);
  });

  it('keeps thumbnails apart, keyed by the original hash', async () => {
    const { store } = media;
    const { hash } = await store.put(image);
    const thumb = { bytes: fixture('lossless.webp'), contentType: 'image/webp' as const, width: 90, height: 30 };
    expect(await store.putThumbnail(hash, thumb)).toEqual({ created: true });
    expect(await store.putThumbnail(hash, thumb)).toEqual({ created: false });
    expect(await store.open(hash, 'thumb')).toMatchObject({ contentType: 'image/webp', size: thumb.bytes.length });
    expect(await store.has(hash, 'thumb')).toBe(true);
  });

  it('answers null for absent files and for anything that is not a hash (no path tricks)', async () => {
    const { store } = media;
    expect(await store.open('a'.repeat(64), 'full')).toBeNull();
    expect(await store.open('../../etc/passwd', 'full')).toBeNull();
    expect(await store.has('../..', 'full')).toBe(false);
    expect(() => store.pathOf('../x', 'full')).toThrow('not a media hash');
  });

  it('leaves no temp file behind, and sweeps old ones a crash left', async () => {
    const { store, data } = media;
    await store.put(image);
    const temp = join(data.dir, 'media', 'tmp');
    expect(await readdir(temp)).toEqual([]);
    await mkdir(temp, { recursive: true });
    await writeFile(join(temp, 'old.part'), 'half a file');
    await writeFile(join(temp, 'fresh.part'), 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(temp, 'old.part'), twoHoursAgo, twoHoursAgo);
    expect(await store.sweepTemp()).toBe(1);
    expect(await readdir(temp)).toEqual(['fresh.part']);
  });

  it('refuses to serve a stored file that was replaced by something else', async () => {
    const { store } = media;
    const { hash } = await store.put(image);
    await writeFile(store.pathOf(hash, 'full'), '<html>swapped</html>');
    await expect(store.open(hash, 'full')).rejects.toThrow('is not an allowed image');
  });
});
