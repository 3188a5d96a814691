import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sniffMagic } from './sniff';
import type { ImageType } from './types';

export type MediaVariant = 'full' | 'thumb';

/** A decoded-and-checked image about to be stored. */
export interface ImageToStore {
  bytes: Uint8Array;
  contentType: ImageType;
  width: number;
  height: number;
}

export interface StoredMedia {
  /** SHA-256 of the bytes, lowercase hex: the file's name and its identity everywhere. */
  hash: string;
  contentType: ImageType;
  bytes: number;
  width: number;
  height: number;
}

/** A stored file opened for reading; destroy `stream` if it is not consumed (it owns the file handle). */
export interface MediaFile {
  stream: Readable;
  size: number;
  contentType: ImageType;
}

const HASH = /^[0-9a-f]{64}$/;

export function isMediaHash(value: string): boolean {
  return HASH.test(value);
}

export function hashMedia(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed media files under `<dataDir>/media`: originals at `ab/abcdef…` (first two hex
 * digits as a folder, so no folder grows past a few thousand entries), thumbnails at
 * `thumbs/ab/abcdef…` keyed by their original's hash. Each file is written once, atomically.
 */
export class MediaStore {
  readonly root: string;
  private readonly temp: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'media');
    this.temp = join(this.root, 'tmp');
  }

  pathOf(hash: string, variant: MediaVariant): string {
    if (!isMediaHash(hash)) throw new RangeError(`not a media hash: ${hash.slice(0, 80)}`);
    const folder = hash.slice(0, 2);
    return variant === 'full' ? join(this.root, folder, hash) : join(this.root, 'thumbs', folder, hash);
  }

  /** Stores an original; a second put of the same bytes writes nothing and says `created: false`. */
  async put(image: ImageToStore): Promise<StoredMedia & { created: boolean }> {
    const hash = hashMedia(image.bytes);
    const created = await this.writeOnce(this.pathOf(hash, 'full'), image.bytes);
    const { contentType, width, height } = image;
    return { hash, contentType, bytes: image.bytes.byteLength, width, height, created };
  }

  /** Stores the thumbnail of the original `hash` (once; a cache that can be deleted and remade). */
  async putThumbnail(hash: string, thumbnail: ImageToStore): Promise<{ created: boolean }> {
    return { created: await this.writeOnce(this.pathOf(hash, 'thumb'), thumbnail.bytes) };
  }

  async has(hash: string, variant: MediaVariant): Promise<boolean> {
    return isMediaHash(hash) && (await sizeOf(this.pathOf(hash, variant))) !== null;
  }

  /** The whole file in memory (≤ the size cap), or null when absent. */
  async read(hash: string, variant: MediaVariant): Promise<Uint8Array | null> {
    const file = await this.open(hash, variant);
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Opens a stored file as a stream, with its size and its type sniffed from its first bytes. */
  async open(hash: string, variant: MediaVariant): Promise<MediaFile | null> {
    if (!isMediaHash(hash)) return null;
    const handle = await open(this.pathOf(hash, variant), 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!handle) return null;
    try {
      const { size } = await handle.stat();
      const head = new Uint8Array(16);
      await handle.read(head, 0, head.length, 0);
      const contentType = sniffMagic(head);
      if (!contentType) throw new Error(`stored media ${hash} (${variant}) is not an allowed image; the file was altered`);
      return { stream: handle.createReadStream({ start: 0, autoClose: true }), size, contentType };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Removes temp files left by a crash mid-write; run at start-up. Returns how many went. */
  async sweepTemp(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    const names = await readdir(this.temp).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const info = await stat(join(this.temp, name)).catch(() => null);
      if (info && now - info.mtimeMs > olderThanMs) {
        await rm(join(this.temp, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /**
   * Temp file in the same file system, flushed, then renamed over the target: a reader or a crash
   * sees the whole file or none. Two puts racing on the same bytes both rename identical content.
   */
  private async writeOnce(target: string, bytes: Uint8Array): Promise<boolean> {
    if ((await sizeOf(target)) === bytes.byteLength) return false;
    await mkdir(this.temp, { recursive: true });
    const temp = join(this.temp, `${randomBytes(8).toString('hex')}.part`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    try {
      const folder = join(target, '..');
      await mkdir(folder, { recursive: true });
      await rename(temp, target);
      await syncFolder(folder);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return true;
  }
}

async function sizeOf(path: string): Promise<number | null> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? info.size : null;
}

/** Makes the rename itself durable (POSIX); Windows cannot open folders, and needs no such step. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the data itself was already flushed.
  } finally {
    await handle.close();
  }
}
