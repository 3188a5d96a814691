import { type ByteRange, type Inspection, malformed, truncated, view } from './inspection';

const JPEG = 'image/jpeg';

/** Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) are not frames. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: RST0–7 and TEM. */
function isStandalone(marker: number): boolean {
  return (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;
}

/**
 * Skips entropy-coded scan data: 0xFF is escaped as FF 00, restart markers sit inside it.
 * Returns the offset of the next real marker's 0xFF, or -1 when the file ends first.
 */
function skipScanData(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0 || ff + 1 >= bytes.length) return -1;
    const next = bytes[ff + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at = ff + 2;
    else if (next === 0xff) at = ff + 1;
    else return ff;
  }
}

/** Walks a JPEG's segments from SOI to EOI (the caller has checked FF D8 FF). */
export function parseJpeg(bytes: Uint8Array): Inspection {
  const data = view(bytes);
  const textRanges: ByteRange[] = [];
  let width = 0;
  let height = 0;
  let pos = 2;
  for (;;) {
    if (pos >= bytes.length) return truncated(JPEG, 'the JPEG data ends before the image does');
    if (bytes[pos] !== 0xff) return malformed(JPEG, `a JPEG segment is missing at byte ${pos}`);
    while (bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) return truncated(JPEG, 'the JPEG data ends before the image does');
    const marker = bytes[pos++]!;
    if (marker === 0xd9) {
      if (width === 0) return malformed(JPEG, 'the JPEG file ends before any image data');
      if (pos < bytes.length) textRanges.push([pos, bytes.length]);
      return { ok: true, type: JPEG, width, height, pixels: width * height, frames: 1, end: pos, textRanges };
    }
    if (marker === 0xd8 || marker === 0x00) return malformed(JPEG, `an unexpected JPEG marker at byte ${pos - 1}`);
    if (isStandalone(marker)) continue;
    if (pos + 2 > bytes.length) return truncated(JPEG, 'the JPEG data ends inside a segment header');
    const length = data.getUint16(pos);
    if (length < 2) return malformed(JPEG, `a JPEG segment has an impossible length at byte ${pos}`);
    const segmentEnd = pos + length;
    if (segmentEnd > bytes.length) return truncated(JPEG, 'the JPEG data ends inside a segment');
    if (isStartOfFrame(marker)) {
      if (length < 8) return malformed(JPEG, 'the JPEG frame header is too short');
      height = data.getUint16(pos + 3);
      width = data.getUint16(pos + 5);
      // A height of 0 means "given later by a DNL marker": legal in theory, unsupported by browsers.
      if (width === 0 || height === 0) return malformed(JPEG, 'the JPEG frame header has no dimensions');
    }
    // APPn (EXIF, XMP, ICC…) and COM segments are where text can hide.
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) textRanges.push([pos + 2, segmentEnd]);
    pos = segmentEnd;
    if (marker === 0xda) {
      if (width === 0) return malformed(JPEG, 'the JPEG scan starts before its frame header');
      const next = skipScanData(bytes, pos);
      if (next < 0) return truncated(JPEG, 'the JPEG data ends before the image does');
      pos = next;
    }
  }
}
