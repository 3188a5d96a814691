import type { GatewayConfig } from '../../config/schema';
import type { PartState } from '../../delivery/aggregate';
import { GatewayRefusal, GatewayUnavailable, type HandOver, type OutboundSms, type SmsGateway } from '../gateway';
import { twilioReason } from './error-codes';

export type TwilioConfig = Extract<GatewayConfig, { kind: 'twilio' }>;

export interface TwilioAccount extends TwilioConfig {
  authToken: string;
}

/** Twilio's message statuses in Texto's words (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). */
export function partStateOf(status: string): PartState | undefined {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return undefined;
  }
}

export const basicAuth = (account: TwilioAccount) => `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;

/** Where Twilio posts a message's status changes; the reply's id rides along so early callbacks find it. */
export function statusCallbackUrl(account: TwilioAccount, outboundId: string): string {
  return `${account.publicUrl.replace(/\/+$/, '')}/api/gateways/${account.id}/status?outbound=${encodeURIComponent(outboundId)}`;
}

interface TwilioMessage {
  sid: string;
  status: string;
  body?: string;
  to?: string;
  from?: string;
  date_created?: string;
  error_code?: number | null;
}

function handOverOf(message: TwilioMessage): HandOver {
  const state = partStateOf(message.status) ?? 'queued';
  const failure = message.error_code ? { reason: twilioReason(message.error_code), code: String(message.error_code) } : {};
  return { parts: [{ part: 1, providerId: message.sid, state, ...(state === 'failed' || state === 'undelivered' ? failure : {}) }] };
}

/**
 * Replies through Twilio's REST API (`POST /2010-04-01/Accounts/{sid}/Messages.json`). Twilio
 * concatenates a long body itself, so one reply is one Twilio message (one part here). Twilio has
 * no idempotency key: after a crash or a timeout during the request, `findSent` lists the
 * messages to that phone from that number since the hand-over and matches the body.
 */
export function createTwilioGateway(account: TwilioAccount): SmsGateway {
  const base = `${account.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${account.accountSid}/Messages.json`;
  const timeout = () => AbortSignal.timeout(account.requestTimeoutSeconds * 1000);

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: timeout(), headers: { ...init.headers, Authorization: basicAuth(account), Accept: 'application/json' } });
    } catch (error) {
      // Unreachable or timed out: a timeout may have reached Twilio, so the next attempt asks first.
      throw new GatewayUnavailable(`Twilio did not answer: ${(error as Error).message}`, true);
    }
  }

  return {
    id: account.id,
    name: `twilio ${account.id}`,
    retryFirstDelayMs: account.retryFirstDelayMs,
    async send(message: OutboundSms): Promise<HandOver> {
      const form = new URLSearchParams({ From: message.from, To: message.to, Body: message.text, StatusCallback: statusCallbackUrl(account, message.id) });
      const response = await call(base, { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const body = (await response.json().catch(() => ({}))) as Partial<TwilioMessage> & { code?: number; message?: string };
      if (response.ok && body.sid && body.status) return handOverOf(body as TwilioMessage);
      const detail = `Twilio answered ${response.status}${body.code ? ` (error ${body.code})` : ''}: ${body.message ?? response.statusText}`;
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        // A 429 was not accepted; a 5xx may have been.
        throw new GatewayUnavailable(detail, response.status >= 500, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
      }
      throw new GatewayRefusal(detail, twilioReason(body.code), body.code ? String(body.code) : undefined);
    },
    async findSent(message: OutboundSms, handedOverAt: number): Promise<HandOver | null> {
      // Newest first; no DateSent filter: a message still queued at Twilio has no date_sent yet.
      const query = new URLSearchParams({ To: message.to, From: message.from, PageSize: '100' });
      const response = await call(`${base}?${query}`, { method: 'GET' });
      if (!response.ok) throw new GatewayUnavailable(`Twilio's message list answered ${response.status}`, true);
      const { messages = [] } = (await response.json()) as { messages?: TwilioMessage[] };
      // Twilio's clock and ours differ a little: a minute of slack before the hand-over.
      const match = messages.find((m) => m.body === message.text && Date.parse(m.date_created ?? '') >= handedOverAt - 60_000);
      return match ? handOverOf(match) : null;
    },
  };
}
