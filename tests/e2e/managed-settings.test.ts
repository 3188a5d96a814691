import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { E2E_MANAGED_KEY } from '../../lib/managed-settings/read';
import { translator } from '../support/messages';
import { useChrome } from './support/chrome';
import { aria, control } from './support/panel';
import { useTestServer } from './support/server';

// What IT pushes by policy, as the agent meets it on the sign-in form: the server filled in (and
// read-only unless IT allows a change), the interface in the language IT chose whatever the
// browser's. The e2e build reads the policy from storage.local (no test can install a browser
// policy); the production build reads storage.managed through the same reader.

const en = translator('en');
const fr = translator('fr');

/** Sets the policy the e2e build reads and opens the panel again, as a new policy is read. */
async function withPolicy(panel: Page, policy: Record<string, unknown>): Promise<void> {
  await panel.evaluate(
    async (key, value) => {
      await (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: value });
    },
    E2E_MANAGED_KEY,
    policy,
  );
  await panel.reload();
}

async function serverField(panel: Page, label: string) {
  const field = await panel.waitForSelector(aria('textbox', label));
  return field!.evaluate((input) => {
    const element = input as HTMLInputElement;
    const described = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return { value: element.value, readOnly: element.readOnly, description: described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') };
  });
}

describe('managed settings on the sign-in form', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('a server set by IT is filled in and read-only, the panel is in the language IT chose, and signing in reaches that server', async () => {
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 640 });
    await withPolicy(panel, { serverUrl: server.url, language: 'fr' });

    // An English browser, a French panel.
    await panel.waitForSelector(`::-p-text(${fr('signin_heading')})`);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await serverField(panel, fr('signin_server'))).toEqual({ value: server.url, readOnly: true, description: fr('signin_server_managed') });
    if (process.env.TEXTO_SCREENSHOTS) await panel.screenshot({ path: `${process.env.TEXTO_SCREENSHOTS}/signin-managed-fr.png` });
    // Typing into it changes nothing.
    await panel.focus(aria('textbox', fr('signin_server')));
    await panel.keyboard.type('x');
    expect((await serverField(panel, fr('signin_server'))).value).toBe(server.url);

    await control(panel, 'textbox', fr('signin_username')).fill('alice');
    await control(panel, 'textbox', fr('signin_password')).fill('texto-demo');
    await control(panel, 'button', fr('signin_submit')).click();
    await panel.waitForSelector(aria('button', fr('status_ready')));
    await control(panel, 'button', fr('signout')).click();
    await panel.waitForSelector(aria('textbox', fr('signin_server')));
  });

  it('with allowServerChange the agent may type another server; unusable values are ignored', async () => {
    const panel = await chrome.get().openSidePanel();
    await withPolicy(panel, { serverUrl: `${server.url}/`, allowServerChange: true });
    await panel.waitForSelector(`::-p-text(${en('signin_heading')})`);
    expect(await serverField(panel, en('signin_server'))).toEqual({ value: server.url, readOnly: false, description: '' });

    // A script instead of an address, a language Texto does not have, a string for a boolean:
    // the form behaves as if IT had set nothing.
    await withPolicy(panel, { serverUrl: 'javascript:alert(1)', allowServerChange: 'no', language: 'de' });
    await panel.waitForSelector(`::-p-text(${en('signin_heading')})`);
    expect(await serverField(panel, en('signin_server'))).toEqual({ value: 'http://127.0.0.1:8787', readOnly: false, description: '' });
  });
});
