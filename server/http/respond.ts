import type { ServerResponse } from 'node:http';
import type { ApiError, ErrorCode } from '../../lib/protocol';

const STATUS_OF: Record<ErrorCode, number> = {
  bad_frame: 400,
  bad_request: 400,
  unsupported_version: 400,
  unauthorized: 401,
  not_signed_in: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_attempts: 429,
  unavailable: 503,
  opted_out: 409,
  internal: 500,
};

/** An HTTP refusal; `status` overrides the code's usual status (405, 415). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = STATUS_OF[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const statusOf = (code: ErrorCode): number => STATUS_OF[code];

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string, status = STATUS_OF[code], headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ApiError = { error: { code, message } };
  sendJson(res, status, body, headers);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, headers);
  res.end();
}
