import type { IncomingMessage } from 'node:http';
import type * as v from 'valibot';
import { describeUnstorable, findUnstorableString, parseWith } from '../../lib/protocol';
import { HttpError } from './respond';

/** The JSON body of an agent's or an operator's request (sign-in, a channel switch): small. */
export const MAX_JSON_BODY = 16 * 1024;
/** A body that stops arriving for this long is answered 408 (the total is bounded by the server's requestTimeout). */
export const BODY_IDLE_MS = 10_000;

export interface BodyOptions {
  /** Largest body in bytes (413 past it); MAX_JSON_BODY unless the route carries more (an MMS). */
  limit?: number;
  /** Dot paths stored as the customer's data whatever they contain (not checked for NUL / lone surrogates). */
  storedAsData?: readonly string[];
  idleMs?: number;
}

/**
 * Reads and validates a JSON body. Refuses early on a declared length over the limit, stops
 * reading (413) as soon as a streamed body passes it, so a huge upload costs nothing, and answers
 * 408 when the body stops coming (a drip, or a Content-Length larger than what is sent). Strings
 * the database cannot store are refused here, naming the field, for every route.
 */
export async function readJsonBody<S extends v.GenericSchema>(req: IncomingMessage, schema: S, options: BodyOptions = {}): Promise<v.InferOutput<S>> {
  const limit = options.limit ?? MAX_JSON_BODY;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    // Also keeps web pages from posting here with a simple (preflight-free) form request.
    throw new HttpError('bad_request', 'Send the body as JSON with the header "Content-Type: application/json".', 415);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const body = await readAll(req, limit, options.idleMs ?? BODY_IDLE_MS);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError('bad_request', 'The body is not valid JSON.');
  }
  const unstorable = findUnstorableString(json, options.storedAsData);
  if (unstorable) throw new HttpError('bad_request', `The body is invalid: ${describeUnstorable(unstorable)}.`);
  const parsed = parseWith(schema, json);
  if (!parsed.ok) throw new HttpError('bad_request', `The body is invalid: ${parsed.message}.`);
  return parsed.value;
}

function readAll(req: IncomingMessage, limit: number, idleMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | undefined;
    const finish = (error?: HttpError) => {
      clearTimeout(idle);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) {
        // Stop reading what is left: the answer closes the connection.
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => finish(new HttpError('bad_request', `The body stopped arriving for ${Math.round(idleMs / 1000)} s; send it whole.`, 408, { Connection: 'close' })),
        idleMs,
      );
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
      armIdle();
    };
    const onEnd = () => finish();
    const onError = () => finish(new HttpError('bad_request', 'The body could not be read.', 400, { Connection: 'close' }));
    const onAborted = onError;
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
    armIdle();
  });
}

function tooLarge(limit: number): HttpError {
  const size = limit >= 1024 * 1024 ? `${(limit / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(limit / 1024)} KiB`;
  return new HttpError('too_large', `The body is over ${size}.`, 413, { Connection: 'close' });
}

/** Reads an `application/x-www-form-urlencoded` body (carriers' webhooks) as text, with the same limits. */
export async function readFormBody(req: IncomingMessage, limit = MAX_JSON_BODY): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError('bad_request', 'Send the body as a form with the header "Content-Type: application/x-www-form-urlencoded".', 415);
  }
  if (Number(req.headers['content-length'] ?? NaN) > limit) throw tooLarge(limit);
  return (await readAll(req, limit, BODY_IDLE_MS)).toString('utf8');
}
