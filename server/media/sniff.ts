import { findHiddenMarkup } from './hidden-markup';
import { type Inspection, startsWith } from './inspection';
import { recogniseOtherFile } from './other-file';
import { parseGif } from './sniff-gif';
import { parseJpeg } from './sniff-jpeg';
import { parsePng } from './sniff-png';
import { parseWebp } from './sniff-webp';
import type { ImageType } from './types';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The allowed type announced by a file's first bytes (magic only, no structure); null for any other. */
export function sniffMagic(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) {
    return 'image/gif';
  }
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * Judges a file by its bytes: its magic, then a walk of its whole structure (segments, chunks,
 * blocks) without decoding pixels, then a search for HTML or script hidden in its metadata or
 * after its end. Cheap enough to run on every inbound file before anything else touches it.
 */
export function inspectImage(bytes: Uint8Array): Inspection {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const type = sniffMagic(bytes);
  if (!type) return { ok: false, problem: 'unknown_type', kind: recogniseOtherFile(bytes) };
  const layout = PARSERS[type](bytes);
  if (!layout.ok) return layout;
  const markup = findHiddenMarkup(bytes, layout.textRanges);
  if (markup !== null) return { ok: false, problem: 'hidden_markup', type, markup };
  return layout;
}

const PARSERS: Record<ImageType, (bytes: Uint8Array) => Inspection> = {
  'image/jpeg': parseJpeg,
  'image/png': parsePng,
  'image/gif': parseGif,
  'image/webp': parseWebp,
};

/**
 * The type of an allowed, structurally whole image, with its dimensions; null for anything else
 * (another format, SVG, a truncated or garbled file, a polyglot). A claimed type is never an input.
 */
export function sniffImage(bytes: Uint8Array): { type: ImageType; width: number; height: number } | null {
  const inspection = inspectImage(bytes);
  return inspection.ok ? { type: inspection.type, width: inspection.width, height: inspection.height } : null;
}
