import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { acceptOffer, aria, CONNECTION, control, offerShowing, signInAndGoReady, textOf, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo } from './support/simulator';

/** Chromium that can be closed and started again on the same profile; `done` closes it and removes the profile. */
function chromiumOnOneProfile() {
  const profile = mkdtempSync(path.join(tmpdir(), 'texto-profile-'));
  let chrome: ChromeWithExtension | undefined;
  return {
    restart: async () => {
      await chrome?.browser.close();
      chrome = await launchChromeWithExtension({ headless: true, profileDir: profile });
      return chrome.openSidePanel();
    },
    done: async () => {
      await chrome?.browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

describe('the agent across browser restarts', () => {
  // On disk: the test stops the server and starts it again on the same data.
  const server = useTestServer({ persistent: true });

  it('stays signed in and connected when Chromium starts again on the same profile, until Sign out', async () => {
    const { restart, done } = chromiumOnOneProfile();
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
      await done();
    }
  });

  it('delivers once a reply queued while the server was down, after the browser was closed and reopened', async () => {
    const { restart, done } = chromiumOnOneProfile();
    try {
      let panel = await restart();
      await signInAndGoReady(panel, server.url, 'alice');
      const customer = newCustomerPhone();
      const text = `Avant la fermeture (${customer.slice(-4)})`;
      await customerTexts(server.url, { from: customer, text });
      await acceptOffer(panel, text);

      await server.stop();
      await waitForText(panel, CONNECTION, 'Reconnecting');
      await control(panel, 'textbox', 'Message').fill('Réponse avant fermeture');
      await control(panel, 'button', 'Send').click();
      await waitForText(panel, '.compose [role="status"]', 'Waiting for the server');

      // The browser closes with the reply unsent, opens again, and only then the server is back.
      panel = await restart();
      await server.restart();
      await waitForText(panel, CONNECTION, 'Connected', 30_000);
      const sent = await eventually('the reply queued before the browser closed', async () => {
        const messages = await sentTo(server.url, customer);
        return messages.length > 0 ? messages : undefined;
      });
      // Once: give a duplicate the time to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await sentTo(server.url, customer)).map((m) => m.text)).toEqual(['Réponse avant fermeture']);
      expect(sent.length).toBe(1);
      await control(panel, 'button', 'Sign out').click();
      await panel.waitForSelector(aria('button', 'Sign in'));
    } finally {
      await done();
    }
  }, 90_000);
});
