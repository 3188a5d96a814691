// Finding and launching real browsers with the built extension: one module for `npm start`, the
// e2e tests and the benchmarks, so all three drive the browser the same way.
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CHROME_EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv2');

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

function firstExisting(fromEnv: string | undefined, candidates: readonly string[]): string | null {
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Chromium or Chrome: `CHROME_PATH`, else the usual install paths; null when none is there. */
export const findChrome = (): string | null => firstExisting(process.env.CHROME_PATH, CHROME_CANDIDATES);
/** Firefox (ESR first): `FIREFOX_PATH`, else the usual install paths. */
export const findFirefox = (): string | null => firstExisting(process.env.FIREFOX_PATH, FIREFOX_CANDIDATES);

/**
 * Flags for a quiet, reproducible Chromium: no sandbox when running as root (containers, CI),
 * no background traffic to Google, English UI so controls have their English names.
 */
export function chromeArgs(lang = 'en-US'): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
    `--lang=${lang}`,
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}

export interface ChromeWithExtension {
  browser: Browser;
  extensionId: string;
  /** Clicks the toolbar icon (which opens the side panel) and returns the panel's page. */
  openSidePanel(): Promise<Page>;
}

interface ChromeOptions {
  headless: boolean;
  extensionDir?: string;
  /**
   * A Chromium profile kept on disk: the extension is loaded from the command line and stays
   * installed, with its storage, when the browser is started again on the same profile.
   * Without it, a fresh profile with the extension installed through puppeteer.
   */
  profileDir?: string;
  /** The browser's UI language (default en-US): `fr-FR` shows the panel in French. */
  lang?: string;
}

/** Launches Chromium with the built extension installed (puppeteer's extension support). */
export async function launchChromeWithExtension(options: ChromeOptions): Promise<ChromeWithExtension> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const browser = await puppeteer.launch({
    executablePath,
    browser: 'chrome',
    headless: options.headless,
    pipe: true,
    enableExtensions: options.profileDir ? [extensionDir] : true,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    defaultViewport: options.headless ? { width: 1100, height: 800 } : null,
    args: chromeArgs(options.lang),
    // Chromium on Linux takes its UI language from the environment, not only from --lang.
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang.replace('-', '_') } } : {}),
  });
  try {
    const extensionId = options.profileDir ? await loadedExtension(browser, extensionDir) : await browser.installExtension(extensionDir);
    return { browser, extensionId, openSidePanel: () => openSidePanel(browser, extensionId) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The id of the extension Chromium loaded from `dir` at start (it registers shortly after launch). */
async function loadedExtension(browser: Browser, dir: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const extension of (await browser.extensions()).values()) {
      if (path.resolve(extension.path) === path.resolve(dir)) return extension.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Chromium did not load the extension from ${dir}`);
}

async function openSidePanel(browser: Browser, extensionId: string): Promise<Page> {
  const extension = (await browser.extensions()).get(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not installed`);
  const pages = await browser.pages();
  const tab = pages.find((p) => !p.url().startsWith('chrome-extension://')) ?? (await browser.newPage());
  const panelTarget = browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/sidepanel.html`, { timeout: 15_000 });
  // The worker sets openPanelOnActionClick as it starts (the click also wakes a stopped worker):
  // a click before that does nothing, so click until the panel appears.
  for (let attempt = 0; ; attempt++) {
    await tab.triggerExtensionAction(extension);
    const opened = await Promise.race([panelTarget, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
    if (opened) {
      const page = await opened.asPage();
      return page;
    }
    if (attempt >= 15) break;
  }
  throw new Error('The side panel did not open');
}

/** Launches Firefox over WebDriver BiDi with the built MV2 extension installed as a temporary add-on. */
export async function launchFirefoxWithExtension(options: { headless: boolean; extensionDir?: string }): Promise<{ browser: Browser }> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: install firefox-esr or set FIREFOX_PATH.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless,
    // Optional permissions (the server's host, asked for at sign-in) granted without a prompt no test can click.
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'en-US, en', 'extensions.webextOptionalPermissionPrompts': false },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    return { browser };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
