import { TargetType } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { acceptOffer, aria, control, offerShowing, signIn, signInAndGoReady, textOf, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo } from './support/simulator';

describe('page-mode SMS in the Chromium side panel', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('a customer texts, the agent accepts, reads it, replies, and the customer receives the reply', async () => {
    const customer = newCustomerPhone();
    const question = `Bonjour, ma commande ${customer.slice(-4)} n'est pas arrivée`;
    await customerTexts(server.url, { from: customer, text: question });

    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    expect(await textOf(panel, '.agent-name')).toBe('Alice Martin');

    const offer = await offerShowing(panel, question);
    expect(await offer.evaluate((e) => e.textContent)).toContain(customer);
    await acceptOffer(panel, question);
    const transcript = await textOf(panel, TRANSCRIPT);
    expect(transcript).toContain(question);
    expect(transcript).toContain(customer); // the sender of the customer's message

    const answer = 'Elle part demain, désolé pour le retard.';
    const send = control(panel, 'button', 'Send');
    expect(await panel.$eval('.compose button[type="submit"]', (b) => b.disabled)).toBe(true);
    await control(panel, 'textbox', 'Message').fill(answer);
    await send.click();

    const sent = await eventually('the reply in the simulator', async () => {
      const messages = await sentTo(server.url, customer);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual([answer]);
    // Page mode: the reply closes the interaction.
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('Mark Done closes the interaction without sending anything', async () => {
    const customer = newCustomerPhone();
    const text = `Merci, c'est réglé (${customer.slice(-4)})`;
    await customerTexts(server.url, { from: customer, text });

    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, text);
    // A reply that cannot go says why in an alert (past the 10-SMS maximum, Send is disabled),
    // and the interaction stays open.
    await control(panel, 'textbox', 'Message').fill('x'.repeat(5001));
    await waitForText(panel, '[role="alert"]', 'Too long: 33 messages. The limit is 10');
    expect(await panel.$eval('.compose button[type="submit"]', (b) => b.disabled)).toBe(true);
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
    expect(await sentTo(server.url, customer)).toEqual([]);
  });

  it('Ctrl+Enter sends the reply from the message box', async () => {
    const customer = newCustomerPhone();
    const text = `Quel est le délai ? (${customer.slice(-4)})`;
    await customerTexts(server.url, { from: customer, text });

    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, text);
    await control(panel, 'textbox', 'Message').fill('Deux jours ouvrés.');
    await panel.keyboard.down('Control');
    await panel.keyboard.press('Enter');
    await panel.keyboard.up('Control');
    const sent = await eventually('the reply in the simulator', async () => {
      const messages = await sentTo(server.url, customer);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Deux jours ouvrés.']);
  });

  it('the toolbar badge counts waiting offers, and each offer raises a system notification', async () => {
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    await signInAndGoReady(panel, server.url, 'bob');
    const [first, second] = [newCustomerPhone(), newCustomerPhone()];
    await customerTexts(server.url, { from: first, text: `Premier message ${first.slice(-4)}` });
    await customerTexts(server.url, { from: second, text: `Second message ${second.slice(-4)}` });
    await offerShowing(panel, `Premier message ${first.slice(-4)}`);
    await offerShowing(panel, `Second message ${second.slice(-4)}`);

    const workerTarget = await browser.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
    const worker = (await workerTarget.worker())!;
    type ChromeApi = {
      chrome: {
        action: { getBadgeText(details: object): Promise<string> };
        notifications: { getAll(): Promise<Record<string, boolean>> };
      };
    };
    const badge = () => worker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.action.getBadgeText({}));
    const notifications = () =>
      worker.evaluate(async () => Object.keys(await (globalThis as unknown as ChromeApi).chrome.notifications.getAll()).length);
    await eventually('badge 2', async () => ((await badge()) === '2' ? true : undefined));
    // Notifications are created asynchronously, right after the badge is set.
    await eventually('two notifications', async () => ((await notifications()) === 2 ? true : undefined));

    await acceptOffer(panel, `Premier message ${first.slice(-4)}`);
    await eventually('badge 1', async () => ((await badge()) === '1' ? true : undefined));
    await control(panel, 'button', 'Reject').click();
    await eventually('no badge', async () => ((await badge()) === '' ? true : undefined));
    await eventually('no notification left', async () => ((await notifications()) === 0 ? true : undefined));
  });

  it('an agent signed out on the server (token revoked) is taken back to the sign-in form with a message', async () => {
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    await signIn(panel, server.url, 'alice');
    await panel.waitForSelector(aria('button', 'Sign out'));
    const workerTarget = await browser.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
    const worker = (await workerTarget.worker())!;
    type StorageApi = { chrome: { storage: { local: { get(key: string): Promise<Record<string, { token: string }>> } } } };
    const token = await worker.evaluate(
      async () => (await (globalThis as unknown as StorageApi).chrome.storage.local.get('texto.auth'))['texto.auth']!.token,
    );
    const response = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(204);
    await panel.waitForSelector(aria('button', 'Sign in'));
    await waitForText(panel, '[role="alert"]', 'The server signed you out. Sign in again.');
  });

  it('a wrong password, an unreachable server and an invalid address each say what to do', async () => {
    const panel = await chrome.get().openSidePanel();
    await signIn(panel, server.url, 'alice', 'not-the-password');
    await waitForText(panel, '[role="alert"]', 'username or password is wrong');
    expect(await panel.$(aria('button', 'Sign out'))).toBeNull();

    await signIn(panel, 'http://127.0.0.1:9', 'alice', 'texto-demo');
    await waitForText(panel, '[role="alert"]', 'Cannot reach the server at http://127.0.0.1:9');

    await signIn(panel, 'javascript:alert(1)', 'alice', 'texto-demo');
    await waitForText(panel, '[role="alert"]', "Enter the server's address as your administrator gave it");

    // Guessing is slowed down: after five wrong passwords from this machine the username must wait (demo: 30 s).
    for (let attempt = 1; attempt <= 5; attempt++) {
      const guess = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'mallory', password: `guess ${attempt}` }),
      });
      expect(guess.status).toBe(401);
    }
    await signIn(panel, server.url, 'mallory', 'texto-demo');
    await waitForText(panel, '[role="alert"]', 'Too many wrong passwords for this username. Wait 30 s, then sign in again.');
  });

  it('the agent stays signed in when the panel is closed and reopened, and after the service worker stops', async () => {
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    await signInAndGoReady(panel, server.url, 'bob');
    const customer = newCustomerPhone();
    const text = `Toujours là ? (${customer.slice(-4)})`;
    await customerTexts(server.url, { from: customer, text });
    await offerShowing(panel, text);
    await panel.close();

    // Chrome stops an idle extension service worker whenever it likes; force it now.
    const workerTarget = await browser.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
    const worker = await workerTarget.worker();
    await worker?.close();
    await eventually('the service worker to stop', () =>
      Promise.resolve(browser.browser.targets().some((t) => t.type() === TargetType.SERVICE_WORKER) ? undefined : true),
    );

    const reopened = await browser.openSidePanel();
    await reopened.waitForSelector(aria('button', 'Sign out'));
    expect(await textOf(reopened, '.agent-name')).toBe('Bob Durand');
    expect(await reopened.$(aria('button', 'Sign in'))).toBeNull();
    // The state came back from storage and the resumed connection: the offer is still there.
    await offerShowing(reopened, text);
    await control(reopened, 'button', 'Reject').click();
    await control(reopened, 'button', 'Sign out').click();
    await reopened.waitForSelector(aria('button', 'Sign in'));
  });
});
