import type { ImageType } from './types';

/** A byte range `[start, end)` of a file. */
export type ByteRange = readonly [number, number];

/** What walking an image's structure found, before any pixel is decoded. */
export interface ImageLayout {
  ok: true;
  type: ImageType;
  width: number;
  height: number;
  /** Pixels a decoder would allocate: width × height, or more when a GIF frame overflows its canvas. */
  pixels: number;
  frames: number;
  /** Where the image's own structure ends; bytes after it are trailing data. */
  end: number;
  /**
   * Ranges a browser or a script could read as text: metadata, comments, unknown chunks and any
   * trailing data. Polyglot files hide HTML or script there; compressed pixel data is skipped.
   */
  textRanges: ByteRange[];
}

export type ImageProblem =
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'unknown_type'; kind: OtherFileKind }
  | { ok: false; problem: 'truncated' | 'malformed'; type: ImageType; detail: string }
  | { ok: false; problem: 'hidden_markup'; type: ImageType; markup: string };

export type Inspection = ImageLayout | ImageProblem;

/** What a refused non-image looks like, so the refusal can say "an SVG drawing" rather than "unknown". */
export type OtherFileKind =
  | 'svg'
  | 'html'
  | 'xml'
  | 'pdf'
  | 'heic'
  | 'avif'
  | 'video'
  | 'bmp'
  | 'tiff'
  | 'ico'
  | 'jpeg_xl'
  | 'zip'
  | 'text'
  | 'unknown';

export function truncated(type: ImageType, detail: string): ImageProblem {
  return { ok: false, problem: 'truncated', type, detail };
}

export function malformed(type: ImageType, detail: string): ImageProblem {
  return { ok: false, problem: 'malformed', type, detail };
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

export function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}
