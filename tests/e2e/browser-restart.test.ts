import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { aria, CONNECTION, control, offerShowing, signInAndGoReady, textOf, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, newCustomerPhone } from './support/simulator';

describe('the agent across browser restarts', () => {
  const server = useTestServer();

  it('stays signed in and connected when Chromium starts again on the same profile, until Sign out', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'texto-profile-'));
    let chrome: ChromeWithExtension | undefined;
    const restart = async () => {
      await chrome?.browser.close();
      chrome = await launchChromeWithExtension({ headless: true, profileDir: profile });
      return chrome.openSidePanel();
    };
    try {
      await signInAndGoReady(await restart(), server.url, 'alice');

      let panel = await restart();
      await panel.waitForSelector(aria('button', 'Sign out'));
      expect(await textOf(panel, '.agent-name')).toBe('Alice Martin');
      await waitForText(panel, CONNECTION, 'Connected');
      // Not only shown as signed in: the connection works and she still takes customers.
      const customer = newCustomerPhone();
      const text = `Après le redémarrage (${customer.slice(-4)})`;
      await customerTexts(server.url, { from: customer, text });
      await offerShowing(panel, text);

      await control(panel, 'button', 'Sign out').click();
      await panel.waitForSelector(aria('button', 'Sign in'));
      panel = await restart();
      await panel.waitForSelector(aria('button', 'Sign in'));
      expect(await panel.$(aria('button', 'Sign out'))).toBeNull();
    } finally {
      await chrome?.browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
