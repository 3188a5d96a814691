// One Chromium with the built extension per test: a fresh profile means a fresh extension storage.
import { TargetType } from 'puppeteer-core';
import { afterEach, beforeEach } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../../scripts/browser';

type StorageApi = { chrome: { storage: { local: { get(key: string): Promise<Record<string, { server: string; token: string } | undefined>> } } } };

/**
 * Signs out on the server whoever the extension left signed in. Otherwise a Ready agent whose
 * browser just closed stays routable for the server's presence grace period and takes the next
 * test's offers.
 */
async function signOutLeftover(chrome: ChromeWithExtension): Promise<void> {
  const target = chrome.browser.targets().find((t) => t.type() === TargetType.SERVICE_WORKER);
  const worker = await target?.worker();
  if (!worker) return;
  const auth = await worker
    .evaluate(async () => (await (globalThis as unknown as StorageApi).chrome.storage.local.get('texto.auth'))['texto.auth'])
    .catch(() => undefined);
  if (!auth) return;
  await fetch(`${auth.server}/api/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${auth.token}` } }).catch(() => undefined);
}

/** Registers beforeEach/afterEach hooks; `get()` returns the current test's browser. */
export function useChrome(): { get(): ChromeWithExtension } {
  let current: ChromeWithExtension | null = null;
  beforeEach(async () => {
    current = await launchChromeWithExtension({ headless: true });
  });
  afterEach(async () => {
    if (current) await signOutLeftover(current);
    await current?.browser.close();
    current = null;
  });
  return {
    get() {
      if (!current) throw new Error('the browser is not running');
      return current;
    },
  };
}
