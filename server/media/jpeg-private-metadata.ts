/**
 * A customer's JPEG as Texto keeps it: the same compressed pixels, copied byte for byte (never
 * re-encoded), without what says where, when and with what it was taken. Phones write the GPS
 * position, the device and often a second picture or a video (Motion Photo) into EXIF, XMP, MPF
 * and bytes after the image; agents need none of it, and a saved copy must not carry it.
 *
 * Kept: the segments a decoder needs (tables, frame, scans), JFIF, the ICC colour profile, Adobe's
 * colour transform, and the EXIF orientation, rewritten as a minimal EXIF block holding only
 * that tag (so the photo still shows the right way up). Dropped: every other APPn and comment
 * segment, and anything after the end of the image.
 *
 * The input has passed `parseJpeg` (whole structure checked); should it still not read as
 * expected, the bytes come back unchanged rather than damaged.
 */

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const EXIF_HEADER = ascii('Exif\0\0');
const JFIF = ascii('JFIF\0');
const ICC_PROFILE = ascii('ICC_PROFILE\0');
const ADOBE = ascii('Adobe');
const ORIENTATION_TAG = 0x0112;

const startsWith = (bytes: Uint8Array, at: number, prefix: readonly number[]) => prefix.every((b, i) => bytes[at + i] === b);

/** Segments kept whole, by marker and the start of their payload. */
function isKept(marker: number, bytes: Uint8Array, payload: number): boolean {
  if (marker < 0xe0 || marker > 0xef) return marker !== 0xfe; // COM goes; tables, frames and the rest stay
  if (marker === 0xe0) return startsWith(bytes, payload, JFIF);
  if (marker === 0xe2) return startsWith(bytes, payload, ICC_PROFILE);
  if (marker === 0xee) return startsWith(bytes, payload, ADOBE);
  return false;
}

/** The orientation (1–8) an EXIF block gives its image, if any. */
function exifOrientation(bytes: Uint8Array, payload: number, end: number): number | undefined {
  const tiff = payload + EXIF_HEADER.length;
  if (tiff + 8 > end) return undefined;
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  if (!little && !(bytes[tiff] === 0x4d && bytes[tiff + 1] === 0x4d)) return undefined;
  const data = new DataView(bytes.buffer, bytes.byteOffset + tiff, end - tiff);
  const ifd = data.getUint32(4, little);
  if (ifd + 2 > data.byteLength) return undefined;
  const count = data.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > data.byteLength) return undefined;
    if (data.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    const value = data.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** An APP1 segment whose EXIF holds the orientation and nothing else (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
  const length = 2 + EXIF_HEADER.length + tiff.length;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_HEADER, ...tiff]);
}

/** `end` is where the image ends (just after EOI), as `parseJpeg` reports it. */
export function withoutPrivateMetadata(bytes: Uint8Array, end: number): Uint8Array {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let afterJfif = 1; // where the orientation block goes: after SOI, or after JFIF (which must come first)
  let pos = 2;
  for (;;) {
    if (bytes[pos] !== 0xff) return bytes;
    while (bytes[pos] === 0xff) pos++;
    const marker = bytes[pos++];
    if (marker === undefined || pos + 2 > end) return bytes;
    if (marker >= 0xd0 && marker <= 0xd7) continue; // no length field (not expected before the scan)
    const segmentEnd = pos + ((bytes[pos]! << 8) | bytes[pos + 1]!);
    if (segmentEnd > end) return bytes;
    if (marker === 0xda) {
      // The first scan to the end of the image, as it is: what lies between later scans is tables.
      kept.push(Uint8Array.from([0xff, marker]), bytes.subarray(pos, end));
      break;
    }
    const payload = pos + 2;
    if (marker === 0xe1 && startsWith(bytes, payload, EXIF_HEADER)) orientation ??= exifOrientation(bytes, payload, segmentEnd);
    if (isKept(marker, bytes, payload)) {
      kept.push(Uint8Array.from([0xff, marker]), bytes.subarray(pos, segmentEnd));
      if (marker === 0xe0 && kept.length === 3) afterJfif = 3;
    }
    pos = segmentEnd;
  }
  if (orientation !== undefined && orientation !== 1) kept.splice(afterJfif, 0, orientationSegment(orientation));
  return Buffer.concat(kept);
}
