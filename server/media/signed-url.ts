import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isMediaHash, type MediaVariant } from './store';

/** Links live five minutes: long enough to open a picture, short enough that a leaked one dies. */
export const MEDIA_URL_LIFETIME_MS = 5 * 60 * 1000;
export const MEDIA_PATH_PREFIX = '/media/';

/** What a signed media path grants: one agent, one interaction, one file variant, until `expiresAt`. */
export interface MediaGrant {
  hash: string;
  variant: MediaVariant;
  interactionId: string;
  agentId: string;
  /** Epoch milliseconds, like every time on the wire. */
  expiresAt: number;
  /** The customer's file name, offered when saving; signed so nobody can swap it. */
  filename?: string;
}

export type MediaPathFailure = 'malformed' | 'bad_signature' | 'expired' | 'wrong_agent';

export type MediaPathCheck =
  | { ok: true; grant: MediaGrant; download: boolean }
  | { ok: false; reason: MediaPathFailure; message: string };

/** A signing key: one or more secrets, the first signs, all verify (so a key can be rotated). */
export type MediaSecret = string | Uint8Array | readonly (string | Uint8Array)[];

/** 32 random bytes in base64url, for configuration files. */
export function newMediaSecret(): string {
  return randomBytes(32).toString('base64url');
}

function secrets(secret: MediaSecret): (string | Uint8Array)[] {
  const list = typeof secret === 'string' || secret instanceof Uint8Array ? [secret] : [...secret];
  if (list.length === 0 || list.some((key) => (typeof key === 'string' ? Buffer.byteLength(key) : key.byteLength) < 32)) {
    throw new RangeError('a media URL secret must be at least 32 bytes (see newMediaSecret())');
  }
  return list;
}

/** JSON of a fixed-order array: unambiguous whatever characters the ids hold. */
function signature(grant: MediaGrant, key: string | Uint8Array): Buffer {
  const fields = ['texto-media-v1', grant.hash, grant.variant, grant.interactionId, grant.agentId, grant.expiresAt, grant.filename ?? null];
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest();
}

/**
 * `/media/<hash>/<variant>?interaction=…&agent=…&exp=…[&name=…]&sig=…`, signed with HMAC-SHA256.
 * Join it to the server's origin; add `&download=1` to get an attachment instead of inline.
 */
export function signMediaPath(grant: MediaGrant, secret: MediaSecret): string {
  if (!isMediaHash(grant.hash)) throw new RangeError('signMediaPath needs a SHA-256 hex hash');
  if (!Number.isSafeInteger(grant.expiresAt)) throw new RangeError('expiresAt must be epoch milliseconds');
  const query = new URLSearchParams({
    interaction: grant.interactionId,
    agent: grant.agentId,
    exp: String(grant.expiresAt),
  });
  if (grant.filename !== undefined) query.set('name', grant.filename);
  query.set('sig', signature(grant, secrets(secret)[0]!).toString('base64url'));
  return `${MEDIA_PATH_PREFIX}${grant.hash}/${grant.variant}?${query.toString()}`;
}

const PATH = /^\/media\/([0-9a-f]{64})\/(full|thumb)$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function fail(reason: MediaPathFailure, message: string): MediaPathCheck {
  return { ok: false, reason, message };
}

/**
 * Checks a requested path (with its query) against the secret and the clock, in constant time for
 * the signature. `agentId`, when the request also carries an authenticated agent, must match the
 * signed one. The signature is checked before expiry, so a forged link never learns anything.
 */
export function verifyMediaPath(
  pathWithQuery: string,
  secret: MediaSecret,
  options: { now?: number; agentId?: string } = {},
): MediaPathCheck {
  const url = new URL(pathWithQuery, 'http://media.invalid');
  const match = PATH.exec(url.pathname);
  const q = url.searchParams;
  const [interactionId, agentId, exp, sig] = [q.get('interaction'), q.get('agent'), q.get('exp'), q.get('sig')];
  if (!match || !interactionId || !agentId || !exp || !sig) {
    return fail('malformed', 'This media link is incomplete; open the picture again from the transcript.');
  }
  const expiresAt = Number(exp);
  if (!/^\d{1,16}$/.test(exp) || !SIGNATURE.test(sig)) {
    return fail('malformed', 'This media link is damaged; open the picture again from the transcript.');
  }
  const name = q.get('name');
  const grant: MediaGrant = {
    hash: match[1]!,
    variant: match[2] as MediaVariant,
    interactionId,
    agentId,
    expiresAt,
    ...(name === null ? {} : { filename: name }),
  };
  const given = Buffer.from(sig, 'base64url');
  const valid = secrets(secret).some((key) => timingSafeEqual(signature(grant, key), given));
  if (!valid) return fail('bad_signature', 'This media link was not issued by this server or was altered.');
  if ((options.now ?? Date.now()) >= expiresAt) {
    return fail('expired', 'This media link has expired; the panel fetches a fresh one when the picture is opened.');
  }
  if (options.agentId !== undefined && options.agentId !== agentId) {
    return fail('wrong_agent', 'This media link was issued to another agent.');
  }
  return { ok: true, grant, download: q.get('download') === '1' };
}
