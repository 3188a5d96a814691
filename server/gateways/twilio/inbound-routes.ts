import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../../context';
import { recordReceipt } from '../../delivery/record';
import { runWork } from '../../domain/work';
import { readFormBody } from '../../http/body';
import { HttpError } from '../../http/respond';
import type { Route } from '../../http/router';
import { ingestMedia, refusalsFor, type MediaPart, type MediaRefusal } from '../../media';
import { knownInbound, receiveInbound } from '../inbound';
import { twilioReason } from './error-codes';
import { fetchTwilioMedia } from './media-fetch';
import { formParams, validTwilioSignature, type SignedParams } from './signature';
import { partStateOf, type TwilioAccount } from './twilio-gateway';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
/** Twilio posts at most 10 media per MMS; a form of 64 KiB holds a 1600-character body many times. */
const MAX_FORM_BYTES = 64 * 1024;
const MAX_MEDIA = 10;

function answerTwiml(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(EMPTY_TWIML), 'Cache-Control': 'no-store' });
  res.end(EMPTY_TWIML);
}

/**
 * Reads a Twilio request and checks its signature over the configured public URL (the server
 * sits behind a proxy: the address Twilio used is not the one this process sees). Nothing is
 * read from an unsigned request.
 */
async function signedForm(account: TwilioAccount, path: string, req: IncomingMessage, url: URL): Promise<SignedParams> {
  const body = await readFormBody(req, MAX_FORM_BYTES);
  const params = formParams(body);
  const publicUrl = `${account.publicUrl.replace(/\/+$/, '')}${path}${url.search}`;
  const signature = req.headers['x-twilio-signature'];
  if (!validTwilioSignature(account.authToken, typeof signature === 'string' ? signature : undefined, publicUrl, params)) {
    throw new HttpError('forbidden', `The X-Twilio-Signature is missing or does not match ${publicUrl} and this body (check the gateway's publicUrl and auth token).`);
  }
  if (params.get('AccountSid')?.[0] !== account.accountSid) throw new HttpError('forbidden', 'The AccountSid is not this gateway\'s account.');
  return params;
}

const field = (params: SignedParams, name: string) => params.get(name)?.[0] ?? '';

/** Every picture of the MMS, fetched one after another; one that cannot be fetched becomes a refusal. */
async function fetchAllMedia(ctx: ServerContext, account: TwilioAccount, params: SignedParams) {
  const count = Math.min(MAX_MEDIA, Math.max(0, Number.parseInt(field(params, 'NumMedia') || '0', 10) || 0));
  const fetched: MediaPart[] = [];
  const positions: number[] = [];
  const unavailable: MediaRefusal[] = [];
  for (let i = 0; i < count; i++) {
    const result = await fetchTwilioMedia(account, field(params, `MediaUrl${i}`), field(params, `MediaContentType${i}`), ctx.media.limits.maxBytes);
    if (result.ok) {
      fetched.push(result.part);
      positions.push(i);
    } else {
      unavailable.push(refusalsFor(i, undefined).unavailable(result.detail));
    }
  }
  if (count === 0) return undefined;
  const ingested = await ingestMedia(fetched, ctx.media.store, ctx.media.limits);
  // Indexes back to the MMS's own numbering (file 3 stays file 3 when file 2 was missing).
  const at = (index: number) => positions[index] ?? index;
  const refused = [
    ...unavailable,
    ...ingested.refused.map((r) => ({ ...r, index: at(r.index), params: { ...r.params, number: String(at(r.index) + 1) } })),
  ].sort((a, b) => a.index - b.index);
  const media = ingested.media.map((file) => ({ id: file.hash, contentType: file.contentType, width: file.width, height: file.height }));
  return { media, refused };
}

/** Where Twilio posts a number's incoming messages (the route that runs under the inbound capacity). */
export function twilioInboundPath(account: TwilioAccount): string {
  return `/api/gateways/${account.id}/sms`;
}

/** Twilio's webhook for a number's incoming messages, and its status callbacks for replies. */
export function twilioRoutes(ctx: ServerContext, account: TwilioAccount): Route[] {
  const inboundPath = twilioInboundPath(account);
  const statusPath = `/api/gateways/${account.id}/status`;
  return [
    {
      path: inboundPath,
      async POST(req, res, url) {
        const params = await signedForm(account, inboundPath, req, url);
        const messageId = field(params, 'MessageSid') || field(params, 'SmsSid');
        if (!messageId) throw new HttpError('bad_request', 'The webhook has no MessageSid.');
        // Twilio retries: a MessageSid seen before is answered at once, without fetching its media again.
        if (await knownInbound({ tx: ctx.db }, account.id, messageId)) return answerTwiml(res);
        const mms = await fetchAllMedia(ctx, account, params);
        await runWork(ctx, (work) =>
          receiveInbound(work, {
            from: field(params, 'From'),
            to: field(params, 'To'),
            text: field(params, 'Body'),
            ...(mms ? { mms } : {}),
            provider: { gateway: account.id, messageId },
          }),
        );
        answerTwiml(res);
      },
    },
    {
      path: statusPath,
      async POST(req, res, url) {
        const params = await signedForm(account, statusPath, req, url);
        const state = partStateOf(field(params, 'MessageStatus'));
        const providerId = field(params, 'MessageSid');
        if (!state || !providerId) {
          // Statuses Texto does not track (e.g. "receiving"): acknowledged so Twilio does not retry.
          res.writeHead(204).end();
          return;
        }
        const code = field(params, 'ErrorCode');
        const outboundId = url.searchParams.get('outbound') ?? undefined;
        const failed = state === 'undelivered' || state === 'failed';
        await runWork(ctx, (work) =>
          recordReceipt(work, {
            gateway: account.id,
            providerId,
            ...(outboundId ? { outboundId } : {}),
            state,
            ...(failed ? { reason: twilioReason(code), ...(code ? { code } : {}) } : {}),
          }),
        );
        res.writeHead(204).end();
      },
    },
  ];
}
