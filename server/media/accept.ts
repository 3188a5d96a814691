import { decodeBase64 } from './base64';
import { displayFilename } from './filename';
import { refusalsFor } from './refusals';
import { withoutPrivateMetadata } from './jpeg-private-metadata';
import { inspectImage } from './sniff';
import {
  type AcceptResult,
  DEFAULT_MEDIA_LIMITS,
  type ImageType,
  type MediaLimits,
  type MediaPart,
} from './types';

/** Claimed types that mean the same as a sniffed one (old and vendor spellings). */
const SYNONYMS: Record<string, ImageType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
};

function normaliseDeclared(contentType: unknown): string {
  if (typeof contentType !== 'string') return '';
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return SYNONYMS[bare] ?? bare;
}

/**
 * Decides, part by part, which files of an inbound MMS are kept. Every check runs on the bytes:
 * the claimed type is recorded and compared, never trusted. Size is refused before decoding,
 * pixels before any pixel is decoded. A refused part never stops the others or the message text.
 * Synchronous and allocation-bounded: at most `maxFiles × maxBytes` bytes are decoded.
 */
export function acceptMedia(parts: readonly MediaPart[], limits: MediaLimits = DEFAULT_MEDIA_LIMITS): AcceptResult {
  const result: AcceptResult = { accepted: [], refused: [] };
  parts.forEach((part, index) => {
    const filename = displayFilename(part.filename);
    const refuse = refusalsFor(index, filename);
    if (index >= limits.maxFiles) {
      result.refused.push(refuse.tooManyFiles(limits));
      return;
    }
    if (typeof part.base64 !== 'string') {
      result.refused.push(refuse.badBase64('it is missing'));
      return;
    }
    const decoded = decodeBase64(part.base64, limits.maxBytes);
    if (!decoded.ok) {
      result.refused.push(decoded.reason === 'too_large' ? refuse.tooLarge(decoded.size, limits) : refuse.badBase64(decoded.detail));
      return;
    }
    const inspection = inspectImage(decoded.bytes);
    if (!inspection.ok) {
      result.refused.push(refuse.fromProblem(inspection));
      return;
    }
    const { type, width, height, pixels, frames, end } = inspection;
    if (pixels > limits.maxPixels) {
      result.refused.push(refuse.tooManyPixels(width, height, pixels, limits));
      return;
    }
    const declaredType = normaliseDeclared(part.contentType);
    result.accepted.push({
      index,
      ...(filename === undefined ? {} : { filename }),
      contentType: type,
      declaredType,
      typeMismatch: declaredType !== type,
      bytes: type === 'image/jpeg' ? withoutPrivateMetadata(decoded.bytes, end) : decoded.bytes,
      width,
      height,
      frames,
    });
  });
  return result;
}
