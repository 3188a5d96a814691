// `npm start`: builds the extension, starts the server with the demo data, and (where there is a
// display and a Chromium) opens the browser with the extension and the phone simulator.
// Ctrl+C stops everything; the data stays in DATA_DIR (./data) for the next start.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startServer } from '../server/app';
import { startBanner } from '../server/start-banner';
import { CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, findChrome, launchChromeWithExtension, ROOT } from './browser';

const noBrowser = process.argv.includes('--no-browser') || process.env.TEXTO_NO_BROWSER === '1';
/** `--no-build` restarts quickly with the extension already in .output (and keeps an e2e build there). */
const noBuild = process.argv.includes('--no-build');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function buildExtension(): Promise<void> {
  const wxt = path.join(ROOT, 'node_modules/.bin/wxt');
  console.log('Building the extension for Chrome and Firefox…');
  await run(wxt, ['build']);
  await run(wxt, ['build', '-b', 'firefox']);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}

function printLoadInstructions(reason: string): void {
  console.log(`
${reason} Load the extension by hand:
  Chrome / Chromium: open chrome://extensions, switch on "Developer mode", click "Load unpacked"
                     and choose ${CHROME_EXTENSION_DIR}
                     then click the Texto icon in the toolbar to open the side panel.
  Firefox:           open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"
                     and choose ${path.join(FIREFOX_EXTENSION_DIR, 'manifest.json')}
                     then click the Texto icon to open the sidebar.`);
}

async function main(): Promise<void> {
  if (!noBuild) await buildExtension();
  const dataDir = process.env.DATA_DIR || './data';
  const server = await startServer({
    host: process.env.HOST || '127.0.0.1',
    port: parsePort(process.env.PORT),
    dataDir,
    ...(process.env.CONFIG ? { configPath: process.env.CONFIG } : {}),
    watchConfig: true,
    log: (line) => console.log(line),
  });
  console.log(['', 'Texto is running.', ...(await startBanner(server))].join('\n'));
  process.on('SIGHUP', () => {
    server.reloadConfig('SIGHUP').catch((error: unknown) => console.error(`configuration: reload failed: ${String(error)}`));
  });

  let closeBrowser: (() => Promise<void>) | null = null;
  const chromePath = findChrome();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (noBrowser) printLoadInstructions('Not opening a browser (--no-browser).');
  else if (!hasDisplay) printLoadInstructions('No display (DISPLAY / WAYLAND_DISPLAY) to open a browser on.');
  else if (!chromePath) printLoadInstructions('No Chromium or Chrome found (set CHROME_PATH).');
  else {
    try {
      // A profile beside the data: like the server's data, the agent's sign-in outlives a restart.
      const chrome = await launchChromeWithExtension({ headless: false, profileDir: path.resolve(dataDir, 'browser-profile') });
      closeBrowser = () => chrome.browser.close();
      const simulator = (await chrome.browser.pages())[0] ?? (await chrome.browser.newPage());
      await simulator.goto(`${server.url}/simulator`);
      await chrome.openSidePanel();
      console.log('\nChromium is open with Texto in its side panel and the simulator in a tab.');
    } catch (error) {
      printLoadInstructions(`Could not open Chromium (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  console.log('\nPress Ctrl+C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await closeBrowser?.().catch(() => undefined);
    await server.close();
    console.log('Stopped. The data is kept for the next start.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
