import { crc32 } from 'node:zlib';
import { ascii, type ByteRange, type Inspection, malformed, truncated, view } from './inspection';

const PNG = 'image/png';
const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Allowed bit depths per colour type (PNG spec, table 11.1). */
const BIT_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Walks a PNG's chunks from IHDR to IEND (the caller has checked the 8-byte signature). */
export function parsePng(bytes: Uint8Array): Inspection {
  const data = view(bytes);
  const textRanges: ByteRange[] = [];
  let width = 0;
  let height = 0;
  let frames = 1;
  let sawImageData = false;
  let pos = 8;
  for (let index = 0; ; index++) {
    if (pos + 12 > bytes.length) return truncated(PNG, 'the PNG data ends before its last chunk');
    const length = data.getUint32(pos);
    const type = ascii(bytes, pos + 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return malformed(PNG, `a PNG chunk is damaged at byte ${pos}`);
    const start = pos + 8;
    const end = start + length;
    if (end + 4 > bytes.length) return truncated(PNG, `the PNG data ends inside its ${type} chunk`);
    if (index === 0 && type !== 'IHDR') return malformed(PNG, 'the PNG file does not start with its header chunk');
    if (CRITICAL.has(type)) {
      if (crc32(bytes.subarray(pos + 4, end)) !== data.getUint32(end)) {
        return malformed(PNG, `the PNG ${type} chunk is damaged (checksum mismatch)`);
      }
    } else if (type[0]! >= 'A' && type[0]! <= 'Z') {
      return malformed(PNG, `the PNG file needs an unknown critical chunk ${type}`);
    }
    if (type === 'IHDR') {
      if (index !== 0 || length !== 13) return malformed(PNG, 'the PNG header chunk is invalid');
      width = data.getUint32(start);
      height = data.getUint32(start + 4);
      const depth = bytes[start + 8]!;
      const colour = bytes[start + 9]!;
      if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
        return malformed(PNG, 'the PNG header has impossible dimensions');
      }
      if (!BIT_DEPTHS[colour]?.includes(depth)) return malformed(PNG, 'the PNG header has an invalid colour format');
    } else if (type === 'IDAT') {
      sawImageData = true;
    } else if (type === 'acTL' && length >= 8) {
      frames = Math.max(1, data.getUint32(start));
    } else if (type === 'IEND') {
      if (!sawImageData) return malformed(PNG, 'the PNG file has no image data');
      const imageEnd = end + 4;
      if (imageEnd < bytes.length) textRanges.push([imageEnd, bytes.length]);
      return { ok: true, type: PNG, width, height, pixels: width * height, frames, end: imageEnd, textRanges };
    } else if (type !== 'fdAT' && type !== 'PLTE') {
      // Ancillary chunks (tEXt, iTXt, eXIf, private ones) can carry arbitrary text; fdAT is compressed frame data.
      textRanges.push([start, end]);
    }
    pos = end + 4;
  }
}
