import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/media/load';
import { useChrome } from './support/chrome';
import { acceptOffer, aria, control, offerShowing, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerSendsMms, newCustomerPhone } from './support/simulator';

const base64 = (name: string) => fixture(name).toString('base64');
const IMAGES = [
  { contentType: 'image/png', base64: base64('screenshot.png'), filename: 'colis.png' },
  { contentType: 'image/jpeg', base64: base64('drawing.svg'), filename: 'logo.svg' },
  { contentType: 'image/jpeg', base64: base64('photo-rotated.jpg'), filename: 'etiquette.jpg' },
];

/** Waits until the image named `name` in the transcript (or the viewer) has loaded real pixels. */
async function imageLoaded(panel: Page, scope: string, name: string): Promise<void> {
  await panel.waitForFunction(
    (selector, alt) =>
      [...document.querySelectorAll<HTMLImageElement>(`${selector} img`)].some((img) => img.alt === alt && img.complete && img.naturalWidth > 0),
    { timeout: 10_000, polling: 100 },
    scope,
    name,
  );
}

describe('MMS in the Chromium side panel', () => {
  const server = useTestServer();
  const chrome = useChrome();

  async function receiveMms(username: string): Promise<Page> {
    const text = `Voici le colis abîmé (${newCustomerPhone().slice(-4)})`;
    const sent = await customerSendsMms(server.url, { from: newCustomerPhone(), text, media: IMAGES });
    expect(sent.media).toHaveLength(2);
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url, username);
    await acceptOffer(panel, text);
    return panel;
  }

  it('shows two thumbnails with the text, says which file was refused, opens the full image, and offers Save to alice', async () => {
    const panel = await receiveMms('alice');
    await imageLoaded(panel, TRANSCRIPT, 'colis.png');
    await imageLoaded(panel, TRANSCRIPT, 'etiquette.jpg');
    expect(await panel.$$eval(`${TRANSCRIPT} .mms-image`, (items) => items.length)).toBe(2);
    await waitForText(panel, TRANSCRIPT, 'logo.svg was refused: it is not a JPEG, PNG, GIF or WebP image.');
    // Image sources are the server's signed links, never anything the customer wrote.
    const sources = await panel.$$eval(`${TRANSCRIPT} img`, (imgs) => imgs.map((img) => (img).src));
    for (const src of sources) expect(src).toMatch(new RegExp(`^${server.url}/media/[0-9a-f]{64}/thumb\\?`));

    // Double-click opens the viewer, a modal dialog with the full image; Escape closes it.
    const thumb = await panel.waitForSelector(aria('button', 'colis.png'));
    await thumb!.click({ count: 2 });
    const viewer = await panel.waitForSelector('::-p-aria([name="colis.png"][role="dialog"])');
    await imageLoaded(panel, 'dialog[open]', 'colis.png');
    expect(await panel.$eval('dialog[open] img', (img) => (img).src)).toContain('/full?');
    const save = await viewer!.waitForSelector(aria('link', 'Save'));
    const saveUrl = await save!.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(saveUrl).toContain('download=1');
    const download = await fetch(saveUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="colis\.png"/);
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('dialog[open]', { hidden: true });
    const focused = () => panel.evaluate(() => (document.activeElement?.matches('button.thumb') ? document.activeElement.querySelector('img')?.alt : document.activeElement?.tagName));
    expect(await focused()).toBe('colis.png');

    // Keyboard: Enter on the thumbnail opens it; Close closes.
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('::-p-aria([name="colis.png"][role="dialog"])');
    await control(panel, 'button', 'Close').click();
    await panel.waitForSelector('dialog[open]', { hidden: true });
    expect(await focused()).toBe('colis.png');

    // The context menu (and the Options button) offers Open and Save.
    const second = await panel.waitForSelector(aria('button', 'etiquette.jpg'));
    await second!.click({ button: 'right' });
    const items = await panel.$$eval('[role="menu"] [role="menuitem"]', (nodes) => nodes.map((n) => n.textContent));
    expect(items).toEqual(['Open', 'Save']);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('::-p-aria([name="etiquette.jpg"][role="dialog"])');
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('dialog[open]', { hidden: true });

    // The agent answers by SMS: the reply box has no way to attach a file.
    expect(await panel.$$eval('.compose input[type="file"]', (inputs) => inputs.length)).toBe(0);
  });

  it('gives bob, who may not save, the thumbnails and the full view without Save', async () => {
    const panel = await receiveMms('bob');
    await imageLoaded(panel, TRANSCRIPT, 'colis.png');
    const thumb = await panel.waitForSelector(aria('button', 'colis.png'));
    await thumb!.click({ count: 2 });
    const viewer = await panel.waitForSelector('::-p-aria([name="colis.png"][role="dialog"])');
    await imageLoaded(panel, 'dialog[open]', 'colis.png');
    expect(await viewer!.$(aria('link', 'Save'))).toBeNull();
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('dialog[open]', { hidden: true });
    await control(panel, 'button', 'Options').click();
    expect(await panel.$$eval('[role="menu"] [role="menuitem"]', (nodes) => nodes.map((n) => n.textContent))).toEqual(['Open']);
    await panel.keyboard.press('Escape');

    // An MMS with a picture and no text is offered as such, not as an empty message.
    const customer = newCustomerPhone();
    await customerSendsMms(server.url, { from: customer, text: '', media: [IMAGES[0]!] });
    const offer = await offerShowing(panel, customer);
    expect(await offer.$eval('.offer-text', (p) => p.textContent)).toBe('1 picture');
  });
});

describe('the phone simulator page', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('attaches several pictures to a text and says which the centre refused', async () => {
    const page = await chrome.get().browser.newPage();
    await page.goto(`${server.url}/simulator`);
    await page.waitForSelector('#centre-number option');
    const phone = newCustomerPhone();
    await page.$eval('#my-number', (input, value) => {
      (input as HTMLInputElement).value = value;
    }, phone);
    await page.locator('::-p-aria([name="Message"][role="textbox"])').fill('Les photos du compteur');
    const input = await page.$('#pictures');
    const dir = new URL('../fixtures/media/', import.meta.url).pathname;
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(`${dir}screenshot.png`, `${dir}photo-rotated.jpg`, `${dir}drawing.svg`);
    await page.locator('::-p-aria([name="Send"][role="button"])').click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Sent with 2 pictures.'), { timeout: 10_000 });
    expect(await page.$eval('#status', (s) => s.textContent)).toContain('"drawing.svg" is an SVG drawing');
    const [row] = await server
      .db()
      .query<{ text: string; media: unknown[] }>(
        `SELECT e.text, e.media FROM transcript_entries e JOIN interactions i ON i.id = e.interaction_id WHERE i.customer_phone = $1 AND e.kind = 'message'`,
        [phone],
      );
    expect(row?.text).toBe('Les photos du compteur');
    expect(row?.media).toHaveLength(2);
  });
});
