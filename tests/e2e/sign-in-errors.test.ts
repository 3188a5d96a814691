import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension } from '../../scripts/browser';
import { hashPassword } from '../../server/auth/password';
import { translator } from '../support/messages';
import { aria, control } from './support/panel';
import { startTestServer } from './support/server';

// What an agent reads on the sign-in form when something is wrong, in English and in French:
// an address typed without http://, nothing answering, something answering that is not Texto,
// a server error, a wrong password, and the two forced sign-outs of a configuration reload.


/** An HTTP server on 127.0.0.1 that is not Texto. */
async function startOther(handler: RequestListener): Promise<{ server: Server; address: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };

let plainWebServer: Awaited<ReturnType<typeof startOther>>;
let otherJsonApi: Awaited<ReturnType<typeof startOther>>;
let failingServer: Awaited<ReturnType<typeof startOther>>;
let closedAddress: string;
beforeAll(async () => {
  // A web server with no CORS headers: 404 pages in HTML, as a mistyped port often reaches.
  plainWebServer = await startOther((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Not Found</title><h1>Not Found</h1>');
  });
  // Another application's JSON API, which answers CORS and 200 with a body of its own shape.
  otherJsonApi = await startOther((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { ...CORS, 'content-type': 'application/json' });
    res.end(req.method === 'OPTIONS' ? undefined : JSON.stringify({ status: 'ok', user: { id: 7 } }));
  });
  // A server in trouble: 503 with no Texto body.
  failingServer = await startOther((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 503, CORS);
    res.end();
  });
  const closed = await startOther(() => undefined);
  closedAddress = closed.address;
  await new Promise((resolve) => closed.server.close(resolve));
});
afterAll(async () => {
  for (const other of [plainWebServer, otherJsonApi, failingServer]) await new Promise((resolve) => other?.server.close(resolve));
});

const ALERT = '.signin [role="alert"]';

async function tour(lang: 'en-US' | 'fr-FR') {
  const t = translator(lang === 'fr-FR' ? 'fr' : 'en');
  const texto = await startTestServer({ configFile: true });
  const chrome = await launchChromeWithExtension({ headless: true, lang });
  try {
    const panel = await chrome.openSidePanel();
    await panel.setViewport({ width: 360, height: 640 });
    const serverField = () => control(panel, 'textbox', t('signin_server'));
    const submit = async (server: string, username: string, password: string) => {
      await serverField().fill(server);
      await control(panel, 'textbox', t('signin_username')).fill(username);
      await control(panel, 'textbox', t('signin_password')).fill(password);
      await control(panel, 'button', t('signin_submit')).click();
    };
    const alertSays = async (expected: string, shot: string) => {
      await panel.waitForFunction((sel, want) => document.querySelector(sel)?.textContent === want, { timeout: 15_000, polling: 100 }, ALERT, expected);
      // Only the form's own message: the browser's validation never runs (no bubble over it).
      expect(await panel.$$eval(':invalid', (all) => all.length)).toBe(0);
      if (process.env.TEXTO_SCREENSHOTS) await panel.screenshot({ path: `${process.env.TEXTO_SCREENSHOTS}/signin-${shot}-${lang}.png` });
    };
    const fieldValue = () => panel.$eval(aria('textbox', t('signin_server')), (e) => (e as HTMLInputElement).value);

    // Typed without http://: completed in the field, and the message names the completed address.
    await submit(closedAddress, 'alice', 'texto-demo');
    expect(await fieldValue()).toBe(`http://${closedAddress}`);
    await alertSays(t('signin_error_unreachable', `http://${closedAddress}`), 'unreachable');

    // Editing a field clears the message that described what was typed before.
    await panel.focus(aria('textbox', t('signin_server')));
    await panel.keyboard.press('End');
    await panel.keyboard.press('Backspace');
    await panel.waitForSelector(ALERT, { hidden: true });

    await submit('ftp://texto.example.com', 'alice', 'texto-demo');
    await alertSays(t('signin_error_url'), 'address');

    await submit(plainWebServer.address, 'alice', 'texto-demo');
    await alertSays(t('signin_error_not_texto', `http://${plainWebServer.address}`), 'not-texto');
    await submit(otherJsonApi.address, 'alice', 'texto-demo');
    await alertSays(t('signin_error_not_texto', `http://${otherJsonApi.address}`), 'not-texto-json');

    await submit(failingServer.address, 'alice', 'texto-demo');
    await alertSays(t('signin_error_server', 'HTTP 503'), 'server-error');

    const textoAddress = texto.url.replace('http://', '');
    await submit(textoAddress, 'alice', 'wrong password');
    await alertSays(t('signin_error_credentials'), 'credentials');

    // Signed in (the address without http:// works), then the administrator changes alice's password.
    await submit(textoAddress, 'alice', 'texto-demo');
    await panel.waitForSelector(aria('button', t('signout')));
    const newHash = await hashPassword('nouveau-mot-de-passe');
    const reload = await texto.rewriteConfig((yaml) => yaml.replace(/(username: alice\n(?: {4}.*\n)*? {4}passwordHash: )\S+/, (_line, start: string) => `${start}${newHash}`));
    expect(reload.join('\n')).toContain('alice');
    await alertSays(t('signed_out_password_changed'), 'password-changed');
    // The form offers the server the agent was on, not the default one.
    expect(await fieldValue()).toBe(texto.url);

    // Bob signs in; the administrator removes him.
    await submit(textoAddress, 'bob', 'texto-demo');
    await panel.waitForSelector(aria('button', t('signout')));
    await texto.rewriteConfig((yaml) => yaml.replace(/ {2}- username: bob\n( {4}.*\n)+/, ''));
    await alertSays(t('signed_out_agent_removed'), 'agent-removed');

    // Alice signs in with her new password.
    await submit(textoAddress, 'alice', 'nouveau-mot-de-passe');
    await panel.waitForSelector(aria('button', t('signout')));
  } finally {
    await chrome.browser.close();
    await texto.close();
  }
}

describe('sign-in errors say what is wrong', () => {
  it('in English: address without http://, nothing there, not a Texto server, server error, wrong password, password changed, agent removed', async () => {
    await tour('en-US');
  });
  it('in French, the same messages from the French locale', async () => {
    await tour('fr-FR');
  });
});
