import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form fields as Twilio signs them: a field sent several times keeps all its values. */
export type SignedParams = Map<string, string[]>;

export function formParams(body: string): SignedParams {
  const params: SignedParams = new Map();
  for (const [key, value] of new URLSearchParams(body)) params.set(key, [...(params.get(key) ?? []), value]);
  return params;
}

/**
 * `X-Twilio-Signature`: base64 HMAC-SHA1, keyed by the auth token, over the full URL Twilio
 * requested followed by each POST field's name and value, fields sorted by name (a repeated field's
 * values sorted too). https://www.twilio.com/docs/usage/security#validating-requests
 */
export function twilioSignature(authToken: string, url: string, params: SignedParams): string {
  let data = url;
  for (const key of [...params.keys()].sort()) {
    for (const value of [...(params.get(key) ?? [])].sort()) data += key + value;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/**
 * The URL as written and with its default port made explicit or removed: Twilio signs whichever
 * form it used, and its libraries accept both (a proxy may add or drop `:443`).
 */
function urlForms(url: string): string[] {
  const parsed = new URL(url);
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  if (!defaultPort) return [url];
  const withoutPort = new URL(url);
  withoutPort.port = '';
  // URL drops a default port on assignment: build the explicit form by hand.
  const withPort = `${parsed.protocol}//${parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : ''}${parsed.hostname}:${parsed.port || defaultPort}${parsed.pathname}${parsed.search}${parsed.hash}`;
  return [...new Set([url, withoutPort.toString(), withPort])];
}

/** Checks a request's signature the way Twilio's own libraries do, in constant time. */
export function validTwilioSignature(authToken: string, signature: string | undefined, url: string, params: SignedParams): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature);
  let valid = false;
  for (const form of urlForms(url)) {
    const expected = Buffer.from(twilioSignature(authToken, form, params));
    // Every form is compared, so the time does not say which one matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}
