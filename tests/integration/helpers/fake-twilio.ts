import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const AUTH_TOKEN = 'test-auth-token-0123456789';

/** What the fake answers to the next REST send (default: 201 queued). */
export type SendBehaviour = { status: 201 } | { status: number; code?: number; message?: string } | { hang: true };

interface StoredMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  status: string;
  status_callback: string;
  date_created: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A fake Twilio on 127.0.0.1 speaking its wire format: the Messages REST resource (Basic auth,
 * form bodies, JSON answers and error bodies), media behind Basic auth with a redirect to
 * "storage", and the webhooks and status callbacks it posts to Texto, signed by the official
 * `twilio` package (so Texto's validator is checked against the real algorithm).
 */
export class FakeTwilio {
  readonly messages: StoredMessage[] = [];
  readonly sendRequests: URLSearchParams[] = [];
  media = new Map<string, { type: string; bytes: Buffer }>();
  next: SendBehaviour[] = [];
  /** Called when a send arrives, before it is answered (the crash test kills the server here). */
  onSend: (() => Promise<void>) | undefined;
  private count = 0;
  private readonly server = createServer((req, res) => void this.handle(req, res));
  url = '';

  static async start(): Promise<FakeTwilio> {
    const fake = new FakeTwilio();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith('/storage/')) {
      const file = this.media.get(url.pathname.slice('/storage/'.length));
      if (!file) return this.json(res, 404, {});
      return res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length }).end(file.bytes);
    }
    if (!this.authorized(req)) return this.json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const media = /^\/2010-04-01\/Accounts\/AC\w+\/Messages\/MM\w+\/Media\/(ME\w+)$/.exec(url.pathname);
    if (media) return res.writeHead(307, { Location: `${this.url}/storage/${media[1]}` }).end();
    if (url.pathname !== `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`) return this.json(res, 404, { code: 20404, status: 404 });
    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const from = url.searchParams.get('From');
      const messages = this.messages.filter((m) => (!to || m.to === to) && (!from || m.from === from)).reverse();
      return this.json(res, 200, { messages, page: 0, page_size: 100 });
    }
    const form = new URLSearchParams(await readBody(req));
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded' || !form.get('To') || !form.get('Body')) {
      return this.json(res, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
    }
    this.sendRequests.push(form);
    const behaviour = this.next.shift() ?? { status: 201 };
    // A hang takes the message (Twilio got it) but the answer never comes back.
    if ('hang' in behaviour) return void this.messages.push(this.stored(form));
    if (behaviour.status !== 201) {
      const failure = behaviour as { status: number; code?: number; message?: string };
      return this.json(res, failure.status, { code: failure.code ?? null, message: failure.message ?? 'error', status: failure.status });
    }
    const message = this.stored(form);
    this.messages.push(message);
    await this.onSend?.();
    this.json(res, 201, { ...message, account_sid: ACCOUNT_SID, num_segments: '1', error_code: null });
  }

  private stored(form: URLSearchParams): StoredMessage {
    return {
      sid: `SM${String(++this.count).padStart(32, '0')}`,
      from: form.get('From') ?? '',
      to: form.get('To') ?? '',
      body: form.get('Body') ?? '',
      status: 'queued',
      status_callback: form.get('StatusCallback') ?? '',
      date_created: new Date().toUTCString().replace('GMT', '+0000'),
    };
  }

  /** Where Texto really listens, for the public URLs Twilio is given (the proxy in front of it). */
  texto = { publicUrl: '', localUrl: '' };

  /**
   * Posts a form to Texto signed as Twilio signs it, over the public URL; `tamper` changes the
   * body after signing.
   */
  async post(publicUrl: string, params: Record<string, string>, tamper?: (params: Record<string, string>) => void): Promise<Response> {
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, publicUrl, params);
    const asked = new URL(publicUrl);
    const url = `${this.texto.localUrl}${asked.pathname}${asked.search}`;
    const sent = { ...params };
    tamper?.(sent);
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(sent),
    });
  }

  /** A status callback for one of the messages Texto sent, to the URL Texto gave (signed over it). */
  status(message: StoredMessage, status: string, errorCode?: number): Promise<Response> {
    const params: Record<string, string> = { AccountSid: ACCOUNT_SID, MessageSid: message.sid, MessageStatus: status, To: message.to, From: message.from };
    if (errorCode) params.ErrorCode = String(errorCode);
    return this.post(message.status_callback, params);
  }
}
