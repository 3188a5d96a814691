import type { IncomingMessage } from 'node:http';
import type * as v from 'valibot';
import { parseWith } from '../../lib/protocol';
import { HttpError } from './respond';

/** Largest JSON body accepted (a 10 000-character text escaped as \uXXXX fits). */
export const MAX_JSON_BODY = 128 * 1024;

/**
 * Reads and validates a JSON body. Refuses early on a declared length over the limit, and stops
 * reading (413) as soon as a streamed body passes it, so a huge upload costs nothing.
 */
export async function readJsonBody<S extends v.GenericSchema>(req: IncomingMessage, schema: S, limit = MAX_JSON_BODY): Promise<v.InferOutput<S>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    // Also keeps web pages from posting here with a simple (preflight-free) form request.
    throw new HttpError('bad_request', 'Send the body as JSON with the header "Content-Type: application/json".', 415);
  }
  const text = await readLimitedText(req, limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError('bad_request', 'The body is not valid JSON.');
  }
  const parsed = parseWith(schema, json);
  if (!parsed.ok) throw new HttpError('bad_request', `The body is invalid: ${parsed.message}.`);
  return parsed.value;
}

function tooLarge(limit: number): HttpError {
  return new HttpError('too_large', `The body is over ${Math.round(limit / 1024)} KiB.`, 413, { Connection: 'close' });
}

/** Reads an `application/x-www-form-urlencoded` body (carriers' webhooks) as text, with the same limits. */
export async function readFormBody(req: IncomingMessage, limit = MAX_JSON_BODY): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError('bad_request', 'Send the body as a form with the header "Content-Type: application/x-www-form-urlencoded".', 415);
  }
  return readLimitedText(req, limit);
}

/** The body as UTF-8, refused (413) on a declared length over `limit` or as soon as a stream passes it. */
async function readLimitedText(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? NaN) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
