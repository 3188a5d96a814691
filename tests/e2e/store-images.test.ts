import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension } from '../../scripts/browser';
import { translator } from '../support/messages';
import { control, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerSendsMms, customerTexts, SESSION_NUMBER } from './support/simulator';
import { storeScreenshot, storeTile, STORE_CAPTIONS, type StoreLanguage } from './support/store-frames';

// The store listings' images, made from the real side panel with demo data (docs/store.md):
// 1280 × 800 screenshots of the desk with an offer, a conversation with a link and a picture, and
// the message box with its counter and spelling, in English and French; the 440 × 280 tile; the
// 128 px icon. Written to .output/store/ on every run, so they never go stale.

const OUT = path.resolve('.output/store');
const ICON = readFileSync(new URL('../../public/icon/128.png', import.meta.url));

/** What the customer writes, and what the agent types, in each language. */
const SCRIPT: Record<StoreLanguage, { customer: { phone: string; name: string }; first: string; follow: string; reply: string; misspelt: string }> = {
  en: {
    customer: { phone: '+33612345678', name: 'Camille Lefebvre' }, // demo contacts
    first: 'Hello, my parcel 48213 has not arrived. Can you check?',
    follow: 'Here is the label. Tracking: https://tracking.example.com/48213',
    reply: 'Hello Camille, thank you for the photo. I am cheking with the carrier now.',
    misspelt: 'cheking',
  },
  fr: {
    customer: { phone: '+33755501234', name: 'Léa Dubois' },
    first: 'Bonjour, mon colis 48213 n’est pas arrivé. Pouvez-vous vérifier ?',
    follow: 'Voici l’étiquette. Suivi : https://suivi.example.com/48213',
    reply: 'Bonjour Léa, merci pour la photo. Je vérifie avec le transporteur tout de suitte.',
    misspelt: 'suitte',
  },
};

/** A parcel label as a customer would photograph it (drawn, so nothing private is in a store image). */
async function parcelPhoto(name: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#c89b6a"/><rect x="0" y="260" width="800" height="70" fill="#d9b48a"/>
    <rect x="170" y="110" width="460" height="380" rx="10" fill="#fbfbf8"/>
    <text x="200" y="170" font-family="DejaVu Sans" font-size="34" font-weight="bold" fill="#222">COLISSIMO · 48213</text>
    <text x="200" y="220" font-family="DejaVu Sans" font-size="24" fill="#333">${name}</text>
    <text x="200" y="255" font-family="DejaVu Sans" font-size="24" fill="#333">12 rue des Lilas, 69003 Lyon</text>
    ${Array.from({ length: 38 }, (_, i) => `<rect x="${200 + i * 10}" y="300" width="${i % 3 === 0 ? 6 : 3}" height="120" fill="#111"/>`).join('')}
    <text x="200" y="460" font-family="DejaVu Sans" font-size="22" fill="#333">6A 482 130 0001 FR</text></svg>`;
  return (await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()).toString('base64');
}

async function size(file: string): Promise<string> {
  const { width, height } = await sharp(file).metadata();
  return `${width}×${height}`;
}

describe('store images', () => {
  let server: TestServer;
  const written: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`screenshots of the real panel in ${lang === 'en' ? 'English' : 'French'}: an offer, a conversation with a link and a picture, the message box`, async () => {
      const text = translator(lang);
      const script = SCRIPT[lang];
      const chrome = await launchChromeWithExtension({ headless: true, lang: lang === 'en' ? 'en-US' : 'fr-FR' });
      const browser: Browser = chrome.browser;
      try {
        const panel: Page = await chrome.openSidePanel();
        await panel.setViewport({ width: 400, height: 760 });
        await control(panel, 'textbox', text('signin_server')).fill(server.url);
        // Each language its own agent and customer: the English conversation stays with alice.
        await control(panel, 'textbox', text('signin_username')).fill(lang === 'en' ? 'alice' : 'bob');
        await control(panel, 'textbox', text('signin_password')).fill('texto-demo');
        await control(panel, 'button', text('signin_submit')).click();
        await control(panel, 'button', text('status_ready')).click();
        const shoot = async (scene: 'offer' | 'conversation' | 'compose') => {
          await panel.evaluate(() => document.fonts.ready);
          const file = path.join(OUT, `${lang}-${scene}.png`);
          await storeScreenshot(browser, { panel: await panel.screenshot({ type: 'png' }), caption: STORE_CAPTIONS[lang][scene], icon: ICON, file });
          written.push(file);
          expect(await size(file)).toBe('1280×800');
        };

        // 1. The desk with an offer.
        await customerTexts(server.url, { from: script.customer.phone, to: SESSION_NUMBER, text: script.first });
        await waitForText(panel, 'article', script.first);
        await shoot('offer');

        // 2. The conversation: the customer's photo and tracking link.
        await control(panel, 'button', text('offer_accept')).click();
        const transcript = `[role="log"][aria-label="${text('transcript_label')}"]`;
        await waitForText(panel, transcript, script.first);
        await customerSendsMms(server.url, { from: script.customer.phone, to: SESSION_NUMBER, text: script.follow, media: [{ contentType: 'image/jpeg', base64: await parcelPhoto(script.customer.name), filename: 'label.jpg' }] });
        await panel.waitForFunction((sel) => [...document.querySelectorAll<HTMLImageElement>(`${sel} img`)].some((img) => img.complete && img.naturalWidth > 0), { timeout: 15_000 }, transcript);
        await panel.waitForSelector(`${transcript} a[href^="https://"]`);
        await shoot('conversation');

        // 3. The message box: a reply with its counter and a word underlined by the spell checker.
        await control(panel, 'textbox', text('compose_label')).fill(script.reply);
        await panel.waitForFunction((word) => [...document.querySelectorAll('.message-mirror [data-misspelling]')].some((span) => span.textContent === word), { timeout: 15_000 }, script.misspelt);
        await waitForText(panel, '.sms-counter', `${script.reply.length}`);
        await shoot('compose');

        // The tile, in this language.
        const tile = path.join(OUT, `${lang}-tile-440x280.png`);
        await storeTile(browser, { icon: ICON, name: text('extName'), tagline: STORE_CAPTIONS[lang].tagline, file: tile });
        written.push(tile);
        expect(await size(tile)).toBe('440×280');
      } finally {
        await browser.close();
      }
    });
  }

  it('the 128 px icon is the extension’s own', async () => {
    const file = path.join(OUT, 'icon-128.png');
    await sharp(ICON).toFile(file);
    expect(await size(file)).toBe('128×128');
  });
});
