// One Chromium with the built extension per test: a fresh profile means a fresh extension storage.
import { afterEach, beforeEach } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../../scripts/browser';

/** Registers beforeEach/afterEach hooks; `get()` returns the current test's browser. */
export function useChrome(): { get(): ChromeWithExtension } {
  let current: ChromeWithExtension | null = null;
  beforeEach(async () => {
    current = await launchChromeWithExtension({ headless: true });
  });
  afterEach(async () => {
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
