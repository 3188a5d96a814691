// MMS media on the server: accept by bytes, store once by hash, thumbnail, serve through signed links.
export { acceptMedia } from './accept';
export { refusalsFor } from './refusals';
export { displayFilename, downloadFilename } from './filename';
export { ingestMedia, type IngestedMedia, type IngestResult } from './ingest';
export { inspectImage, sniffImage, sniffMagic } from './sniff';
export { serveMedia, type ServeMediaOptions } from './serve';
export {
  MEDIA_URL_LIFETIME_MS,
  type MediaGrant,
  type MediaPathCheck,
  type MediaSecret,
  newMediaSecret,
  signMediaPath,
  verifyMediaPath,
} from './signed-url';
export { hashMedia, isMediaHash, type MediaFile, MediaStore, type MediaVariant, type StoredMedia } from './store';
export { ensureThumbnail } from './thumbnail-cache';
export { makeThumbnail, THUMBNAIL_MAX_SIDE, type Thumbnail, UndecodableImageError } from './thumbnail';
export * from './types';
