import { type ByteRange, type Inspection, malformed, truncated, view } from './inspection';

const GIF = 'image/gif';

/** Skips a chain of data sub-blocks; returns the offset after its terminator, or -1 at end of file. */
function skipSubBlocks(bytes: Uint8Array, from: number): number {
  let pos = from;
  for (;;) {
    if (pos >= bytes.length) return -1;
    const size = bytes[pos]!;
    pos += 1 + size;
    if (size === 0) return pos;
  }
}

function colourTableSize(packed: number): number {
  return packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
}

/** Walks a GIF's blocks from the screen descriptor to the trailer (the caller has checked "GIF8?a"). */
export function parseGif(bytes: Uint8Array): Inspection {
  const data = view(bytes);
  if (bytes.length < 13) return truncated(GIF, 'the GIF data ends inside its header');
  const width = data.getUint16(6, true);
  const height = data.getUint16(8, true);
  if (width === 0 || height === 0) return malformed(GIF, 'the GIF header has no dimensions');
  // A frame may reach past the canvas; a decoder may allocate for the larger extent.
  let pixels = width * height;
  const textRanges: ByteRange[] = [];
  let frames = 0;
  let pos = 13 + colourTableSize(bytes[10]!);
  for (;;) {
    if (pos >= bytes.length) return truncated(GIF, 'the GIF data ends before its last frame does');
    const block = bytes[pos++]!;
    if (block === 0x3b) {
      if (frames === 0) return malformed(GIF, 'the GIF file has no image');
      if (pos < bytes.length) textRanges.push([pos, bytes.length]);
      return { ok: true, type: GIF, width, height, pixels, frames, end: pos, textRanges };
    }
    if (block === 0x21) {
      if (pos >= bytes.length) return truncated(GIF, 'the GIF data ends inside an extension');
      const label = bytes[pos++]!;
      const start = pos;
      pos = skipSubBlocks(bytes, pos);
      if (pos < 0) return truncated(GIF, 'the GIF data ends inside an extension');
      // Comment (FE), application (FF) and plain-text (01) extensions hold free-form bytes.
      if (label === 0xfe || label === 0xff || label === 0x01) textRanges.push([start, pos]);
    } else if (block === 0x2c) {
      if (pos + 9 > bytes.length) return truncated(GIF, 'the GIF data ends inside a frame header');
      const right = data.getUint16(pos, true) + data.getUint16(pos + 4, true);
      const bottom = data.getUint16(pos + 2, true) + data.getUint16(pos + 6, true);
      pixels = Math.max(pixels, right * bottom);
      pos += 9 + colourTableSize(bytes[pos + 8]!);
      if (pos >= bytes.length) return truncated(GIF, 'the GIF data ends inside a frame');
      const codeSize = bytes[pos++]!;
      if (codeSize < 2 || codeSize > 11) return malformed(GIF, 'a GIF frame has an invalid compression header');
      pos = skipSubBlocks(bytes, pos);
      if (pos < 0) return truncated(GIF, 'the GIF data ends inside a frame');
      frames++;
    } else {
      return malformed(GIF, `the GIF data has an unknown block at byte ${pos - 1}`);
    }
  }
}
