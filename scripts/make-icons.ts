// Draws the toolbar/notification icons (a speech bubble) as PNGs into public/icon/, so the icons
// are reproducible from code: `npx tsx scripts/make-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a rounded bubble with a tail and three dots, sampled 4×4 per pixel for smooth edges. */
function bubble(u: number, v: number): 'bg' | 'dot' | 'none' {
  const inRounded = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    const cx = Math.min(Math.max(u, x0 + r), x1 - r);
    const cy = Math.min(Math.max(v, y0 + r), y1 - r);
    return u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  const body = inRounded(0.06, 0.1, 0.94, 0.74, 0.16);
  const tail = v >= 0.7 && v <= 0.94 && u >= 0.2 && u <= 0.42 && u - 0.2 <= (0.94 - v) * 0.9;
  if (!body && !tail) return 'none';
  for (const cx of [0.3, 0.5, 0.7]) if ((u - cx) ** 2 + (v - 0.42) ** 2 <= 0.07 ** 2) return 'dot';
  return 'bg';
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const image = png(size, (x, y) => {
    let bg = 0;
    let dot = 0;
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const hit = bubble((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        if (hit === 'bg') bg++;
        if (hit === 'dot') dot++;
      }
    const alpha = Math.round(((bg + dot) / 16) * 255);
    const white = dot / Math.max(1, bg + dot);
    const mix = (a: number) => Math.round(a * (1 - white) + 255 * white);
    return [mix(0x1f), mix(0x6f), mix(0xeb), alpha];
  });
  writeFileSync(`public/icon/${size}.png`, image);
}
console.log('icons written to public/icon/');
