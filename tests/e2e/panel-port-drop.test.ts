import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { TargetType } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../support/messages';
import { useChrome } from './support/chrome';
import { aria, CONNECTION, control, signInAndGoReady, waitForText } from './support/panel';
import { useTestServer } from './support/server';

// The panel never waits forever on the background: when Chrome stops the service worker with a
// request in its hands (here a sign-in to a server that accepts the connection and never
// answers), the request settles at once with a message that says what happened, and the form
// works again as soon as the worker is back.

const en = translator('en');

describe('the background stopped with a request pending', () => {
  const texto = useTestServer();
  const chrome = useChrome();
  let silent: Server;
  const held: Socket[] = [];
  let silentUrl: string;

  beforeAll(async () => {
    silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a sign-in in flight settles with "restarted while you were signing in", and the next sign-in works', async () => {
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    await control(panel, 'textbox', 'Server').fill(silentUrl);
    await control(panel, 'textbox', 'Username').fill('alice');
    await control(panel, 'textbox', 'Password').fill('texto-demo');
    await control(panel, 'button', 'Sign in').click();
    await panel.waitForSelector('form.signin[aria-busy="true"]');
    // The background's request reached the silent server and waits there (its own timeout is 10 s).
    await expect.poll(() => held.length, { timeout: 5000 }).toBeGreaterThan(0);

    const started = Date.now();
    const worker = await (await browser.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER)).worker();
    await worker?.close();
    await waitForText(panel, '.signin [role="alert"]', en('signin_error_interrupted'), 8000);
    // Settled by the Port's drop, not by the background's 10 s timeout.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await panel.$('form.signin[aria-busy="true"]')).toBeNull();

    await signInAndGoReady(panel, texto.url);
    await waitForText(panel, CONNECTION, 'Connected');
    expect(await panel.$(aria('button', 'Sign out'))).not.toBeNull();
  });
});
