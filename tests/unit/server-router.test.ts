import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { HttpError, sendJson } from '../../server/http/respond';
import { createRequestListener } from '../../server/http/router';

const logged: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const listener = createRequestListener(
    [
      { path: '/ok', GET: (_req, res) => sendJson(res, 200, { fine: true }) },
      {
        path: '/bug',
        GET: () => {
          throw new TypeError('cannot read properties of undefined');
        },
      },
      { path: '/async-bug', POST: () => Promise.reject(new Error('database went away')) },
      {
        path: '/refused',
        GET: () => {
          throw new DomainError('conflict', 'This interaction is already closed.');
        },
      },
      {
        path: '/teapot',
        GET: () => {
          throw new HttpError('bad_request', 'Send JSON.', 415);
        },
      },
    ],
    () => ({ hostAllowed: () => true, originKind: () => 'none' }),
    (line) => logged.push(line),
  );
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP router', () => {
  it('turns an unexpected exception into 500 internal, logs it, and keeps serving', async () => {
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({
      error: { code: 'internal', message: 'The server failed on this request (the error was logged). Try again.' },
    });
    const asyncBug = await fetch(`${base}/async-bug`, { method: 'POST' });
    expect(asyncBug.status).toBe(500);
    expect(logged.join('\n')).toContain('GET /bug failed: TypeError: cannot read properties of undefined');
    expect(logged.join('\n')).toContain('POST /async-bug failed: Error: database went away');
    expect((await fetch(`${base}/ok`)).status).toBe(200);
  });

  it('maps refusals to their status without logging them as failures', async () => {
    const before = logged.length;
    const refused = await fetch(`${base}/refused`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: 'conflict', message: 'This interaction is already closed.' } });
    expect((await fetch(`${base}/teapot`)).status).toBe(415);
    expect(logged.length).toBe(before);
  });

  it('answers HEAD like GET without a body, and OPTIONS with the allowed methods', async () => {
    const head = await fetch(`${base}/ok`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const options = await fetch(`${base}/ok`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, OPTIONS');
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
  });
});
