import type { MediaPart } from '../../media';
import { basicAuth, type TwilioAccount } from './twilio-gateway';

export type FetchedMedia = { ok: true; part: MediaPart } | { ok: false; detail: string };

/**
 * Downloads one MMS file from Twilio: HTTP Basic auth (accounts may require it for media), a
 * timeout, a size cap checked while reading, and a few redirects followed by hand (Twilio's media
 * URLs redirect to storage; the credentials are sent only to Twilio's own origin).
 */
export async function fetchTwilioMedia(account: TwilioAccount, url: string, declaredType: string, maxBytes: number): Promise<FetchedMedia> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, detail: 'not a URL' };
  }
  const origin = target.origin;
  const signal = AbortSignal.timeout(account.requestTimeoutSeconds * 1000);
  try {
    for (let hop = 0; ; hop++) {
      if (target.protocol !== 'https:' && target.protocol !== 'http:') return { ok: false, detail: `unsupported address ${target.protocol}` };
      const response = await fetch(target, {
        redirect: 'manual',
        signal,
        headers: target.origin === origin ? { Authorization: basicAuth(account) } : {},
      });
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (hop >= account.mediaMaxRedirects) return { ok: false, detail: `more than ${account.mediaMaxRedirects} redirects` };
        target = new URL(response.headers.get('location')!, target);
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return { ok: false, detail: `HTTP ${response.status}` };
      }
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        await response.body.cancel();
        return { ok: false, detail: `larger than ${maxBytes} bytes` };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > maxBytes) return { ok: false, detail: `larger than ${maxBytes} bytes` };
        chunks.push(chunk);
      }
      const contentType = declaredType || response.headers.get('content-type') || 'application/octet-stream';
      return { ok: true, part: { contentType, base64: Buffer.concat(chunks).toString('base64') } };
    }
  } catch (error) {
    return { ok: false, detail: (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message };
  }
}
