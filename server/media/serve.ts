import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ApiError, ErrorCode } from '../../lib/protocol';
import { contentDisposition, downloadFilename } from './filename';
import { type MediaGrant, type MediaSecret, verifyMediaPath } from './signed-url';
import type { MediaStore } from './store';
import { ensureThumbnail } from './thumbnail-cache';
import { THUMBNAIL_TYPE } from './thumbnail';

export interface ServeMediaOptions {
  store: MediaStore;
  secret: MediaSecret;
  /**
   * The server's rule, asked on every request: may `grant.agentId` still see `grant.interactionId`
   * (not transferred away, not someone else's), and is `grant.hash` part of that interaction?
   */
  mayView: (grant: MediaGrant) => boolean | Promise<boolean>;
  /** The agent the request is authenticated as, if it carries a session; must match the link's. */
  requestAgent?: (req: IncomingMessage) => string | undefined | Promise<string | undefined>;
  now?: () => number;
  /** Told about server-side failures (unreadable store, broken thumbnailer); the client gets a 500. */
  onError?: (error: unknown) => void;
}

const MEDIA_PATH = /^\/media\/[0-9a-f]{64}\/(?:full|thumb)$/;

/** Headers on every answer: nothing here is ever to be run or framed, whatever its bytes say. */
const ALWAYS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Referrer-Policy': 'no-referrer',
};

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body: ApiError = { error: { code, message } };
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...ALWAYS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * Answers `GET|HEAD /media/<hash>/<full|thumb>?interaction=&agent=&exp=&sig=[&name=][&download=1]`:
 * 404 for no such path or file, 403 for a forged link, another agent's link or an interaction the
 * agent may no longer see, 410 for an expired link, else the file streamed with its sniffed type.
 */
export async function serveMedia(req: IncomingMessage, res: ServerResponse, options: ServeMediaOptions): Promise<void> {
  try {
    await answer(req, res, options);
  } catch (error) {
    options.onError?.(error);
    if (!res.headersSent) sendError(res, 500, 'internal', 'The server could not read this picture; the error was logged.');
    else res.destroy();
  }
}

async function answer(req: IncomingMessage, res: ServerResponse, options: ServeMediaOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendError(res, 405, 'bad_request', `Media links are read with GET or HEAD, not ${req.method ?? 'no method'}.`);
  }
  const pathWithQuery = req.url ?? '';
  if (!MEDIA_PATH.test(pathWithQuery.split('?')[0]!)) return sendError(res, 404, 'not_found', 'There is no such media file.');
  const now = options.now?.() ?? Date.now();
  const agentId = await options.requestAgent?.(req);
  const check = verifyMediaPath(pathWithQuery, options.secret, { now, ...(agentId === undefined ? {} : { agentId }) });
  if (!check.ok) {
    if (check.reason === 'expired') return sendError(res, 410, 'unauthorized', check.message);
    return sendError(res, 403, 'forbidden', check.message);
  }
  const { grant } = check;
  if (!(await options.mayView(grant))) {
    return sendError(res, 403, 'forbidden', 'You can no longer see this interaction, so its pictures are closed to you.');
  }
  const { store } = options;
  if (grant.variant === 'thumb' && !(await store.has(grant.hash, 'thumb'))) await ensureThumbnail(store, grant.hash);
  const file = await store.open(grant.hash, grant.variant);
  if (!file) return sendError(res, 404, 'not_found', 'This picture is no longer stored on the server.');

  const etag = `"${grant.hash}-${grant.variant}"`;
  const stem = `texto-${grant.hash.slice(0, 12)}`;
  const name =
    grant.variant === 'full'
      ? downloadFilename(grant.filename, file.contentType, stem)
      : downloadFilename(`${stem}-thumbnail`, THUMBNAIL_TYPE, stem);
  const headers = {
    ...ALWAYS,
    'Cache-Control': `private, max-age=${Math.max(0, Math.floor((grant.expiresAt - now) / 1000))}`,
    ETag: etag,
    'Content-Disposition': contentDisposition(check.download ? 'attachment' : 'inline', name),
  };
  if (req.headers['if-none-match'] === etag) {
    file.stream.destroy();
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.size });
  if (req.method === 'HEAD') {
    file.stream.destroy();
    res.end();
    return;
  }
  await pipeline(file.stream, res).catch((error: NodeJS.ErrnoException) => {
    // The agent closed the tab or the panel mid-download: nothing to report.
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}
