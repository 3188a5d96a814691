import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/media/load';
import { useFirefox } from './support/firefox';
import { acceptOffer, aria, control, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerSendsMms, newCustomerPhone } from './support/simulator';

describe('Firefox (MV2 build): the transcript', () => {
  const server = useTestServer({
    configure: (config) => {
      // A CRM page on a closed loopback port: the tab it opens is not what this test checks.
      config.dialer = { kind: 'template', template: 'http://127.0.0.1:9/call?to={number}' };
    },
  });
  const firefox = useFirefox();

  it('shows an MMS thumbnail and its full view, the link and the number, and records a call', async () => {
    const panel = await firefox.openPanel(server.url, 'alice');
    const text = 'Photo jointe, détails sur https://example.com/colis et au 06 12 34 56 78';
    await customerSendsMms(server.url, {
      from: newCustomerPhone(),
      text,
      media: [{ contentType: 'image/png', base64: fixture('screenshot.png').toString('base64'), filename: 'colis.png' }],
    });
    await acceptOffer(panel, 'Photo jointe');
    await panel.waitForFunction(
      (selector) => [...document.querySelectorAll<HTMLImageElement>(`${selector} img`)].some((img) => img.complete && img.naturalWidth > 0),
      { timeout: 10_000, polling: 100 },
      TRANSCRIPT,
    );
    expect(await panel.$eval(`${TRANSCRIPT} a`, (a) => [a.textContent, a.getAttribute('rel')])).toEqual(['https://example.com/colis', 'noopener noreferrer']);

    await control(panel, 'button', 'Options').click();
    await control(panel, 'menuitem', 'Open').click();
    await panel.waitForSelector('dialog[open] img');
    expect(await panel.$eval('dialog[open]', (d) => d.querySelector('a')?.textContent)).toBe('Save');
    await control(panel, 'button', 'Close').click();
    await panel.waitForSelector('dialog[open]', { hidden: true });

    await panel.$eval(`${TRANSCRIPT} ${aria('button', '06 12 34 56 78')}`, (b) => (b as HTMLButtonElement).click());
    await waitForText(panel, TRANSCRIPT, 'Alice Martin called +33612345678');
    const rows = await server.db().query<{ kind: string }>('SELECT kind FROM activities');
    expect(rows).toEqual([{ kind: 'call' }]);
  });
});
