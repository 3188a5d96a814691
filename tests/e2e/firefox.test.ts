import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/firefox';
import { acceptOffer, control } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo } from './support/simulator';

describe('Firefox (MV2 sidebar build) smoke test', () => {
  const server = useTestServer();
  const firefox = useFirefox();

  it('signs in, accepts an SMS and replies', async () => {
    const panel = await firefox.openPanel(server.url, 'bob');

    const customer = newCustomerPhone();
    await customerTexts(server.url, { from: customer, text: 'Bonjour depuis Firefox' });
    await acceptOffer(panel, 'Bonjour depuis Firefox');
    await control(panel, 'textbox', 'Message').fill('Bien reçu !');
    await control(panel, 'button', 'Send').click();

    const sent = await eventually('the reply in the simulator', async () => {
      const messages = await sentTo(server.url, customer);
      return messages.length > 0 ? messages : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Bien reçu !']);
  });
});
