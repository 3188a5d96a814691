/**
 * MMS media benchmark: what one inbound picture costs the server. For a ~5 MB 12-megapixel phone
 * JPEG and a ~5 MB 12-megapixel screenshot PNG it prints medians over several runs of
 *   accept     base64 decode + structure walk + polyglot scan (acceptMedia, no pixels decoded)
 *   decode     full decode to raw pixels with the same library: the baseline the thumbnail is
 *              compared with (shrink-on-load lets libvips skip most of that work for JPEG)
 *   thumbnail  makeThumbnail: 320 px WebP, orientation applied
 *   ingest     the whole inbound path into a fresh store (accept → thumbnail → write both)
 *   again      the same bytes a second time (stored once: no write)
 *   cached     ensureThumbnail when the thumbnail exists
 * and the peak resident memory of one thumbnail — and of one full decode, the baseline —
 * each in a fresh child process, so that the generated inputs and earlier runs do not hide it.
 * `npx tsx bench/media.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { acceptMedia } from '../server/media/accept';
import { ingestMedia } from '../server/media/ingest';
import { MediaStore } from '../server/media/store';
import { makeThumbnail } from '../server/media/thumbnail';
import { ensureThumbnail } from '../server/media/thumbnail-cache';
import type { ImageType, MediaPart } from '../server/media/types';

const RUNS = 7;
const WIDTH = 4000;
const HEIGHT = 3000;

/** A deterministic pseudo-random stream, so every run benchmarks the same bytes. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state >> 16;
  };
}

/** Camera-like content: gradients plus sensor noise, JPEG q85 → about 4.8 MB. */
async function phonePhoto(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  const next = noise(1);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const n = next() % 40;
      const i = (y * WIDTH + x) * 3;
      raw[i] = ((x * 255) / WIDTH + n) & 255;
      raw[i + 1] = ((y * 255) / HEIGHT + n) & 255;
      raw[i + 2] = (((x + y) * 128) / (WIDTH + HEIGHT) + n) & 255;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

/** Screenshot-like content: flat panels, rows of "text", a photo inset → about 4.9 MB PNG. */
async function screenshot(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  const next = noise(7);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      if (x > 2600 && y > 1500) {
        const n = next() & 7;
        raw.set([(x / 8 + n) & 255, (y / 8 + n) & 255, 128 + n], i);
      } else if (y % 24 < 12 && (x * 7 + y * 3) % 37 < 20) {
        raw.set([30, 30, 30], i);
      } else {
        raw.set([245, 245, (x / 40) & 255], i);
      }
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toBuffer();
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

type ProbeKind = 'thumbnail' | 'decode';

/**
 * In a child process: load the library, read the file, then resident memory before and at its
 * peak during one `kind`, sampled every millisecond (libvips works off the main thread, so the
 * sampler keeps running; maxRSS would be dominated by loading the TypeScript toolchain).
 */
async function probe(kind: ProbeKind, path: string, type: ImageType): Promise<void> {
  await makeThumbnail(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer(), 'image/png');
  const bytes = await readFile(path);
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 1);
  if (kind === 'thumbnail') await makeThumbnail(bytes, type);
  else await sharp(bytes).raw().toBuffer();
  clearInterval(sampler);
  console.log(JSON.stringify({ before, peak: Math.max(peak, process.memoryUsage.rss()) }));
}

async function peakRss(kind: ProbeKind, path: string, type: ImageType): Promise<{ before: number; peak: number }> {
  const args = ['--import', import.meta.resolve('tsx'), fileURLToPath(import.meta.url), '--memory-probe', kind, path, type];
  const { stdout } = await promisify(execFile)(process.execPath, args);
  return JSON.parse(stdout) as { before: number; peak: number };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function benchOne(label: string, bytes: Buffer, type: ImageType): Promise<void> {
  const parts: MediaPart[] = [{ contentType: type, base64: bytes.toString('base64'), filename: `bench.${type.slice(6)}` }];
  const accept = await median(RUNS, () => Promise.resolve(acceptMedia(parts)));
  if (acceptMedia(parts).accepted.length !== 1) throw new Error(`${label}: the benchmark input was refused`);
  const decode = await median(RUNS, () => sharp(bytes).raw().toBuffer());
  const thumbnail = await median(RUNS, () => makeThumbnail(bytes, type));
  const dir = await mkdtemp(join(tmpdir(), 'texto-bench-media-'));
  try {
    const input = join(dir, 'input');
    await writeFile(input, bytes);
    const memory = await peakRss('thumbnail', input, type);
    const decodeMemory = await peakRss('decode', input, type);
    let round = 0;
    const ingest = await median(RUNS, () => ingestMedia(parts, new MediaStore(join(dir, String(round++)))));
    const store = new MediaStore(join(dir, 'shared'));
    const hash = (await ingestMedia(parts, store)).media[0]!.hash;
    const again = await median(RUNS, () => ingestMedia(parts, store));
    const cached = await median(RUNS, () => ensureThumbnail(store, hash));
    console.log(
      `media ${label} (${WIDTH}×${HEIGHT}, ${mb(bytes.length)}): accept ${ms(accept)}, decode ${ms(decode)}, ` +
        `thumbnail ${ms(thumbnail)} (${(thumbnail / decode).toFixed(2)}× decode), ingest ${ms(ingest)}, ` +
        `again ${ms(again)}, cached thumbnail ${ms(cached)}; peak RSS of one thumbnail in a fresh process ` +
        `${mb(memory.peak)} (+${mb(memory.peak - memory.before)} over the loaded process; full decode ` +
        `+${mb(decodeMemory.peak - decodeMemory.before)})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`media: medians of ${RUNS} runs, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`);
  // Warm the library (first call loads codecs) so the first case is not charged for it.
  await makeThumbnail(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer(), 'image/png');
  await benchOne('JPEG photo', await phonePhoto(), 'image/jpeg');
  await benchOne('PNG screenshot', await screenshot(), 'image/png');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flag, kind, path, type] = process.argv.slice(2);
  if (flag === '--memory-probe') await probe(kind as ProbeKind, path!, type as ImageType);
  else await run();
}
