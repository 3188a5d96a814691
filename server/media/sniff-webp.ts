import { ascii, type ByteRange, type Inspection, malformed, truncated, view } from './inspection';

const WEBP = 'image/webp';

interface Canvas {
  width: number;
  height: number;
}

/** Dimensions from a lossy key frame header (RFC 9649 §5.2): start code 9D 01 2A, then 14-bit sizes. */
function lossyCanvas(bytes: Uint8Array, data: DataView, start: number, size: number): Canvas | null {
  if (size < 10 || (bytes[start]! & 0x01) !== 0) return null;
  if (bytes[start + 3] !== 0x9d || bytes[start + 4] !== 0x01 || bytes[start + 5] !== 0x2a) return null;
  return { width: data.getUint16(start + 6, true) & 0x3fff, height: data.getUint16(start + 8, true) & 0x3fff };
}

/** Dimensions from a lossless header (RFC 9649 §3.2): signature 2F, then 14-bit sizes minus one. */
function losslessCanvas(bytes: Uint8Array, data: DataView, start: number, size: number): Canvas | null {
  if (size < 5 || bytes[start] !== 0x2f) return null;
  const bits = data.getUint32(start + 1, true);
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
}

function uint24(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

/** Walks a WebP's RIFF chunks (the caller has checked "RIFF" … "WEBP"). */
export function parseWebp(bytes: Uint8Array): Inspection {
  const data = view(bytes);
  const riffEnd = 8 + data.getUint32(4, true);
  if (riffEnd < 12) return malformed(WEBP, 'the WebP container header is invalid');
  if (riffEnd > bytes.length) return truncated(WEBP, 'the WebP data ends before its container does');
  const textRanges: ByteRange[] = [];
  let canvas: Canvas | null = null;
  let hasImage = false;
  let animationFrames = 0;
  let pos = 12;
  for (let index = 0; pos < riffEnd; index++) {
    if (pos + 8 > riffEnd) return malformed(WEBP, `a WebP chunk header is cut at byte ${pos}`);
    const fourcc = ascii(bytes, pos, 4);
    const size = data.getUint32(pos + 4, true);
    const start = pos + 8;
    const end = start + size;
    if (end > riffEnd) return truncated(WEBP, `the WebP data ends inside its ${fourcc.trim()} chunk`);
    if (fourcc === 'VP8X') {
      if (index !== 0 || size < 10) return malformed(WEBP, 'the WebP extended header is invalid');
      canvas = { width: uint24(bytes, start + 4) + 1, height: uint24(bytes, start + 7) + 1 };
    } else if (fourcc === 'VP8 ' || fourcc === 'VP8L') {
      const frame = fourcc === 'VP8 ' ? lossyCanvas(bytes, data, start, size) : losslessCanvas(bytes, data, start, size);
      if (!frame || frame.width === 0 || frame.height === 0) return malformed(WEBP, 'the WebP image header is invalid');
      canvas ??= frame;
      hasImage = true;
    } else if (fourcc === 'ANMF') {
      animationFrames++;
      hasImage = true;
    } else if (fourcc !== 'ALPH' && fourcc !== 'ANIM' && fourcc !== 'ICCP') {
      // EXIF, XMP and unknown chunks can carry arbitrary text.
      textRanges.push([start, end]);
    }
    pos = end + (size & 1);
  }
  if (!canvas || !hasImage) return malformed(WEBP, 'the WebP file has no image data');
  if (riffEnd < bytes.length) textRanges.push([riffEnd, bytes.length]);
  const { width, height } = canvas;
  return {
    ok: true,
    type: WEBP,
    width,
    height,
    pixels: width * height,
    frames: Math.max(1, animationFrames),
    end: riffEnd,
    textRanges,
  };
}
