import { ascii, type OtherFileKind, startsWith } from './inspection';

/** ISO-BMFF brands (the `ftyp` box) that phones send instead of JPEG. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * Names what a file that is not an allowed image probably is, so that a refusal can tell the
 * customer something useful ("an iPhone HEIC photo") instead of "unknown". Never used to accept.
 */
export function recogniseOtherFile(bytes: Uint8Array): OtherFileKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (HEIF_BRANDS.has(brand)) return 'heic';
    if (AVIF_BRANDS.has(brand)) return 'avif';
    return 'video';
  }
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return 'jpeg_xl';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return recogniseMarkup(bytes);
}

function recogniseMarkup(bytes: Uint8Array): OtherFileKind {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048));
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/<svg[\s>]/i.test(text)) return 'svg';
  if (/^<!doctype\s+html|<(html|head|body|script|iframe)[\s>]/i.test(text)) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'xml';
  // Mostly printable characters: a text file (or base64 sent twice-encoded).
  const printable = [...text.slice(0, 512)].filter((c) => c >= ' ' || c === '\n' || c === '\r' || c === '\t').length;
  if (text.length > 0 && printable / Math.min(text.length, 512) > 0.95) return 'text';
  return 'unknown';
}

/** English name of a refused file's kind, for messages such as `"x.svg" is an SVG drawing`. */
export const OTHER_FILE_LABEL: Record<OtherFileKind, string> = {
  svg: 'an SVG drawing',
  html: 'an HTML page',
  xml: 'an XML document',
  pdf: 'a PDF document',
  heic: 'a HEIC/HEIF photo',
  avif: 'an AVIF image',
  video: 'a video',
  bmp: 'a BMP image',
  tiff: 'a TIFF image',
  ico: 'an icon file',
  jpeg_xl: 'a JPEG XL image',
  zip: 'a ZIP archive',
  text: 'a text file',
  unknown: 'not an image Texto recognises',
};
