// The store images' frames: a screenshot of the real side panel set beside a caption on a
// 1280 × 800 canvas, and the 440 × 280 tile, drawn as HTML in the same Chromium and captured at
// exactly the size each store asks for.
import type { Browser } from 'puppeteer-core';

export type StoreLanguage = 'en' | 'fr';
type Scene = 'offer' | 'conversation' | 'compose';

/** The listing's captions (store texts, not the panel's: docs/store.md holds them too). */
export const STORE_CAPTIONS: Record<StoreLanguage, Record<Scene, { title: string; lines: string[] }> & { tagline: string }> = {
  en: {
    tagline: 'SMS and MMS agent desktop',
    offer: { title: 'Every customer text, offered to you', lines: ['Accept or reject in one click, beside your CRM.', 'The customer’s name, the number they wrote to, the time.'] },
    conversation: { title: 'The whole conversation', lines: ['Pictures, links that show where they really go, phone numbers.', 'Transfer, consult a colleague, schedule a callback.'] },
    compose: { title: 'Replies that read right', lines: ['A live SMS counter and spell checking in English and French.', 'Standard responses a #shortcut away.'] },
  },
  fr: {
    tagline: 'Poste agent SMS et MMS',
    offer: { title: 'Chaque SMS client vous est proposé', lines: ['Acceptez ou refusez d’un clic, à côté de votre CRM.', 'Le nom du client, le numéro qu’il a écrit, l’heure.'] },
    conversation: { title: 'Toute la conversation', lines: ['Les photos, des liens qui montrent où ils mènent, les numéros.', 'Transférez, consultez un collègue, programmez un rappel.'] },
    compose: { title: 'Des réponses sans faute', lines: ['Un compteur de SMS en direct, l’orthographe en français et en anglais.', 'Les réponses standard à portée de #raccourci.'] },
  },
};

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
const FONT = `font-family: 'DejaVu Sans', 'Segoe UI', sans-serif;`;

async function capture(browser: Browser, html: string, width: number, height: number, file: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: file, type: 'png', clip: { x: 0, y: 0, width, height } });
  } finally {
    await page.close();
  }
}

/** A 1280 × 800 store screenshot: the caption on the left, the panel (400 × 760) on the right. */
export async function storeScreenshot(browser: Browser, scene: { panel: Uint8Array; caption: { title: string; lines: string[] }; icon: Uint8Array; file: string }): Promise<void> {
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: 1280px; height: 800px; display: flex; ${FONT} background: linear-gradient(135deg, #0f3d91, #1f6feb); color: #fff; }
    .caption { flex: 1; padding: 0 64px 0 88px; display: flex; flex-direction: column; justify-content: center; }
    .brand { display: flex; align-items: center; gap: 14px; font-size: 28px; font-weight: 700; margin-bottom: 40px; }
    .brand img { width: 56px; height: 56px; }
    h1 { font-size: 46px; line-height: 1.15; margin: 0 0 28px; }
    p { font-size: 24px; line-height: 1.45; margin: 0 0 12px; color: #dbe8fd; }
    .panel { width: 400px; height: 760px; margin: 20px 88px 20px 0; border-radius: 14px; overflow: hidden; box-shadow: 0 24px 60px rgba(0,0,0,.35); background: #fff; }
    .panel img { display: block; width: 400px; height: 760px; }
  </style><div class="caption"><div class="brand"><img src="${dataUrl(scene.icon)}" alt="">Texto</div>
    <h1>${escape(scene.caption.title)}</h1>${scene.caption.lines.map((line) => `<p>${escape(line)}</p>`).join('')}</div>
    <div class="panel"><img src="${dataUrl(scene.panel)}" alt=""></div>`;
  await capture(browser, html, 1280, 800, scene.file);
}

/** The 440 × 280 promotional tile: the icon, the name and the tagline. */
export async function storeTile(browser: Browser, tile: { icon: Uint8Array; name: string; tagline: string; file: string }): Promise<void> {
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: 440px; height: 280px; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 10px; ${FONT} background: linear-gradient(135deg, #0f3d91, #1f6feb); color: #fff; }
    img { width: 96px; height: 96px; }
    .name { font-size: 40px; font-weight: 700; }
    .tagline { font-size: 20px; color: #dbe8fd; }
  </style><img src="${dataUrl(tile.icon)}" alt=""><div class="name">${escape(tile.name)}</div><div class="tagline">${escape(tile.tagline)}</div>`;
  await capture(browser, html, 440, 280, tile.file);
}
