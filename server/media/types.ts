/**
 * Shared vocabulary of MMS media handling on the server: what a customer's phone (or the
 * simulator) sends, what is accepted, what is refused and why, and the limits that decide it.
 */

/** The only image types Texto accepts, judged by their bytes (DESIGN.md, Security rules: media). */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export const IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/** The file extension a saved copy gets, from the sniffed type (never from the customer's name). */
export const EXTENSION: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** One media part of an inbound MMS, as the gateway or simulator API carries it. */
export interface MediaPart {
  /** What the sender claims; compared with the bytes, never trusted. */
  contentType: string;
  /** Standard base64 (RFC 4648 §4); line breaks allowed; a `data:…;base64,` prefix is tolerated. */
  base64: string;
  filename?: string;
}

export interface MediaLimits {
  /** Largest decoded file, in bytes. */
  maxBytes: number;
  /** Files kept per message; the rest are refused (the text still goes through). */
  maxFiles: number;
  /** Largest width × height, read from the header before any decoding (decompression bombs). */
  maxPixels: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxFiles: 10,
  maxPixels: 40_000_000,
};

/**
 * Why a file was refused. The panel localizes the code (with `params`); `message` is the English
 * text for logs, the simulator and API clients.
 */
export type RefusalReason =
  | 'not_an_allowed_image'
  | 'too_large'
  | 'too_many_files'
  | 'bad_base64'
  | 'too_many_pixels'
  | 'corrupt'
  /** A gateway could not fetch the file from the carrier (timeout, 404, too large to download…). */
  | 'unavailable';

export interface MediaRefusal {
  /** Position of the part in the message's `media` array (0-based). */
  index: number;
  /** The customer's file name, made safe to display; absent when none was sent. */
  filename?: string;
  reason: RefusalReason;
  /** English, says what happened and what the customer or agent can do. */
  message: string;
  /** Values for the localized text: always `file` (name or "file N"), plus reason-specific ones. */
  params: Record<string, string>;
}

/** A file that passed every check, still in memory, ready to be stored and thumbnailed. */
export interface AcceptedMedia {
  index: number;
  filename?: string;
  /** The type sniffed from the bytes: the only one used from here on. */
  contentType: ImageType;
  /** What the sender claimed, for the record. */
  declaredType: string;
  /** True when the claim and the bytes disagree (reported, not fatal). */
  typeMismatch: boolean;
  /** What Texto keeps: a JPEG loses its private metadata (see `jpeg-private-metadata.ts`). */
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Frames in an animated GIF / PNG / WebP; 1 for a still image. */
  frames: number;
}

export interface AcceptResult {
  accepted: AcceptedMedia[];
  refused: MediaRefusal[];
}

/**
 * Limits from configuration over the defaults, each checked: a typo in a YAML file should stop
 * the server with a clear message rather than accept 0-byte caps or unbounded files.
 */
export function mediaLimits(overrides: Partial<MediaLimits> = {}): MediaLimits {
  const limits = { ...DEFAULT_MEDIA_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`media limit ${name} must be a whole number of at least 1, not ${String(value)}`);
    }
  }
  return limits;
}

/**
 * The HTTP body size an inbound-MMS route allows: what one MMS can carry — room for two files at
 * the per-file cap (carriers cap a whole MMS near one file's size; a second lets an oversize file
 * be refused by the media checks while the text still goes through) — in base64 (4/3 of its bytes)
 * plus 64 KiB for the text and JSON. Over it the server answers 413 without reading more. (It
 * was every file at its cap, ~69 MB by default; eight such bodies took 1.2 GB.)
 */
export function maxInboundBodyBytes(limits: MediaLimits): number {
  return Math.ceil((2 * limits.maxBytes * 4) / 3) + 64 * 1024;
}
