import { describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { acceptOffer, aria, control, CONNECTION, NOTICES, offerShowing, signInAndGoReady, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, setChannel } from './support/simulator';

describe('connection and channel trouble, as the agent sees it', () => {
  // A data directory on disk: the server restarts on it and keeps everything.
  const server = useTestServer({ persistent: true });
  const chrome = useChrome();

  it('a server restart shows reconnecting, the reply typed meanwhile is delivered, and a text sent meanwhile appears', async () => {
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    const first = newCustomerPhone();
    await customerTexts(server.url, { from: first, text: 'Avant la coupure' });
    await acceptOffer(panel, 'Avant la coupure');
    await waitForText(panel, CONNECTION, 'Connected');

    await server.stop();
    await waitForText(panel, CONNECTION, 'Reconnecting');
    await waitForText(panel, NOTICES, 'Connection to the server lost');

    // The agent answers while the connection is down: the outbox keeps it.
    await control(panel, 'textbox', 'Message').fill('Réponse pendant la coupure');
    await control(panel, 'button', 'Send').click();
    await waitForText(panel, '.compose [role="status"]', 'Waiting for the server: this goes through as soon as the connection is back.');

    await server.restart();
    const second = newCustomerPhone();
    await customerTexts(server.url, { from: second, text: 'Pendant la reconnexion' });

    await waitForText(panel, CONNECTION, 'Connected', 40_000);
    await waitForText(panel, NOTICES, 'Connection to the server restored');
    await offerShowing(panel, 'Pendant la reconnexion');
    const sent = await eventually('the reply queued during the outage', async () => {
      const messages = await sentTo(server.url, first);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Réponse pendant la coupure']);
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
  });

  it('a channel going down and back shows system messages and its state', async () => {
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    await waitForText(panel, '.channels', 'SMSavailable');

    await setChannel(server.url, 'sms', false);
    await waitForText(panel, NOTICES, 'The SMS channel is unavailable.');
    await waitForText(panel, '.channels', 'SMSunavailable');

    await setChannel(server.url, 'sms', true);
    await waitForText(panel, NOTICES, 'The SMS channel is available again.');
    await waitForText(panel, '.channels', 'SMSavailable');
  });
});
