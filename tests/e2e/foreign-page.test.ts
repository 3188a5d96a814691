import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { CONNECTION, signInAndGoReady, waitForText } from './support/panel';
import { useTestServer } from './support/server';

// A web page open in the agent's browser (another site, or a page on another port of the same
// machine) tries to use the agent's Texto server with the demo password. The browser sends the
// page's Origin; the server refuses it, on HTTP and on the WebSocket, while the extension in the
// same browser signs in as usual.

const PAGE = '<!doctype html><title>Another site</title><p>Nothing to see here.</p>';

describe('a web page of another origin', () => {
  const texto = useTestServer();
  const chrome = useChrome();
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
  });

  it('cannot sign in, read the API or open an agent socket; the extension beside it can', async () => {
    const page = await chrome.get().browser.newPage();
    await page.goto(siteUrl);
    const attempt = await page.evaluate(async (server: string) => {
      const signIn = await fetch(`${server}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: 'texto-demo' }),
      }).then(
        (answer) => `answered ${answer.status}`,
        (error: unknown) => `refused: ${String(error)}`,
      );
      // A "simple" request skips the preflight: the server still answers 403 before any route,
      // and the page cannot read even that.
      const simple = await fetch(`${server}/api/auth/sign-in`, { method: 'POST', mode: 'no-cors', body: 'username=alice' }).then(
        (answer) => `opaque ${answer.type}`,
        (error: unknown) => `refused: ${String(error)}`,
      );
      const socket = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${server.replace('http', 'ws')}/ws`);
        ws.onopen = () => resolve('opened');
        ws.onclose = (event) => resolve(`closed ${event.code}`);
      });
      return { signIn, simple, socket };
    }, texto.url);
    expect(attempt).toEqual({ signIn: 'refused: TypeError: Failed to fetch', simple: 'opaque opaque', socket: 'closed 1006' });
    await page.close();

    // No agent session was opened by the page.
    const sessions = await texto.db().query<{ count: number }>(`SELECT count(*)::int AS count FROM auth_tokens`);
    expect(sessions[0]!.count).toBe(0);

    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, texto.url);
    await waitForText(panel, CONNECTION, 'Connected');
  });
});
