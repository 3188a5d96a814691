/**
 * The message box in the real side panel: Chromium with the built extension (.output/chrome-mv3,
 * `npm run build` or `build:e2e` first), the real server on 127.0.0.1, an agent with an open
 * interaction. Per language (English, French) it measures, beside plain typo-js in Node in the
 * same run (bench/spelling-probe.ts, fresh processes):
 *
 * - dictionary ready: the `texto:spelling-ready` mark the panel sets, in ms since the panel page
 *   started loading (reopened BENCH_RUNS times);
 * - memory: the spelling Worker's JS heap + array-buffer backing store after GC (CDP
 *   Runtime.getHeapUsage on the worker), against typo-js's heap + external after GC;
 * - main-thread work per keystroke: typing an SMS one key every 150 ms into the textarea,
 *   CDP Performance.getMetrics TaskDuration (main-thread CPU time, thread ticks) over each
 *   keystroke's window — the key events, the counter, the render, and the spelling result
 *   coming back and redrawing the underlines; an idle window of the same length is measured
 *   too. typo-js baseline: its check of the whole text per keystroke on the thread that runs it;
 * - suggestions: Ctrl+. on a misspelled word until the role=menu has its items (in the page:
 *   capture-phase keydown → MutationObserver), over BENCH_TYPOS typos; typo-js's suggest() on
 *   BENCH_TYPO_JS_TYPOS of them.
 *
 * `npm run bench -- compose`. Figures are medians over the runs (per-run p50 / p95 / max).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'puppeteer-core';
import { SpellingEngine } from '../lib/spelling/engine';
import { launchChromeWithExtension, type ChromeWithExtension } from '../scripts/browser';
import { ensureArtefact } from '../scripts/dictionaries/build';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { acceptOffer, signInAndGoReady } from '../tests/e2e/support/panel';
import { percentile } from './stats';
import { probe, selectTypos } from './spelling';
import type { TypoPair } from './spelling-typos';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TYPOS = Number(process.env.BENCH_TYPOS ?? 30);
const TYPO_JS_TYPOS = Number(process.env.BENCH_TYPO_JS_TYPOS ?? 8);
const KEY_PACE_MS = 150;
const TRANSCRIPT_ENTRIES = 20;
const SELECT = '.spelling-language select';

// About 150 characters, with two misspellings each so that underlines come and go while typing.
const MESSAGES = {
  en: "Hello Mrs Carter, thanks for your mesage. I've checked your order: the parcel left our warehouse today and should arive on Thursday. Anything else?",
  fr: "Bonjour Madame, merci pour votre mesage. J'ai vérifié votre commande : le colis est parti aujourd'hui de l'entrepôt et arivera jeudi. Autre chose ?",
} as const;
type Language = keyof typeof MESSAGES;

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number, digits = 1) => `${ms.toFixed(digits)} ms`;

interface PanelFigures {
  readyMs: number[];
  workerBytes: number;
  keystroke: Spread[];
  /** A bare <textarea> added to the same panel page, outside the app: the browser's own cost. */
  bare: Spread[];
  idle: Spread[];
  longTasks: number;
  suggest: Spread[];
}

async function openPanel(chrome: ChromeWithExtension): Promise<Page> {
  const panel = await chrome.openSidePanel();
  await panel.waitForSelector('.message-field textarea');
  await panel.waitForFunction(() => performance.getEntriesByName('texto:spelling-ready').length > 0, { polling: 20 });
  return panel;
}

async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function setText(panel: Page, text: string) {
  await panel.$eval(
    '.message-field textarea',
    (area, value) => {
      const textarea = area;
      textarea.focus();
      textarea.select();
      document.execCommand('insertText', false, value || ' ');
      if (!value) document.execCommand('delete');
    },
    text,
  );
  await panel.waitForSelector('.message-field[data-spelling="checked"]');
}

interface Spread {
  p50: number;
  p95: number;
  max: number;
}
const spread = (samples: number[]): Spread => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) });

/**
 * One typing pass into `selector`: main-thread ms per keystroke window. For the message box each
 * window also waits for the spelling result of that text (the underline update).
 */
async function typeMessage(panel: Page, cdp: CDPSession, message: string, selector: string): Promise<Spread> {
  const messageBox = selector === '.message-field textarea';
  if (messageBox) await setText(panel, '');
  else await panel.$eval(selector, (area) => ((area as HTMLTextAreaElement).value = ''));
  await panel.focus(selector);
  const windows: number[] = [];
  for (const character of message) {
    const before = await mainThreadMs(cdp);
    await panel.keyboard.type(character);
    await sleep(KEY_PACE_MS);
    if (messageBox) await panel.waitForSelector('.message-field[data-spelling="checked"]');
    windows.push((await mainThreadMs(cdp)) - before);
  }
  return spread(windows);
}

/** The same window with no key: what else the panel does meanwhile (the 1 s clock tick…). */
async function idleWindows(cdp: CDPSession): Promise<Spread> {
  const windows: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    const before = await mainThreadMs(cdp);
    await sleep(KEY_PACE_MS);
    windows.push((await mainThreadMs(cdp)) - before);
  }
  return spread(windows);
}

// Installed in the page before each Ctrl+.: resolves with the time from the key (capture phase,
// before the panel sees it) to the menu standing in the DOM with its items. A string, so that
// the bundler's helpers never leak into the page.
const MENU_TIMER = `globalThis.menuTime = new Promise((resolve) => {
  let pressed = 0;
  const onKey = (e) => { if (e.key === '.' && e.ctrlKey) pressed = performance.now(); };
  document.addEventListener('keydown', onKey, true);
  const observer = new MutationObserver(() => {
    if (!pressed || !document.querySelector('[role="menu"] [role="menuitem"]')) return;
    observer.disconnect();
    document.removeEventListener('keydown', onKey, true);
    resolve(performance.now() - pressed);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => resolve(-1), 3000);
}); 0`; // evaluate() would wait for a promise it returns

/** Ctrl+. on each typo until its menu has items, timed in the page. */
async function suggestionTimes(panel: Page, typos: string[]) {
  const times: number[] = [];
  for (const typo of typos) {
    await setText(panel, typo);
    // The word just typed is underlined once the caret leaves it (a navigation key will do).
    await panel.keyboard.press('End');
    if (!(await panel.waitForSelector('.message-mirror [data-misspelling]', { timeout: 1000 }).catch(() => null))) continue;
    await panel.evaluate(MENU_TIMER);
    await panel.keyboard.down('Control');
    await panel.keyboard.press('Period');
    await panel.keyboard.up('Control');
    const time = await panel.evaluate(() => (globalThis as unknown as { menuTime: Promise<number> }).menuTime);
    if (time < 0) throw new Error(`no suggestion menu for "${typo}" within 3 s`);
    times.push(time);
    await panel.keyboard.press('Escape');
  }
  if (times.length === 0) throw new Error('no typo was underlined in the panel');
  return spread(times);
}

async function measurePanel(chrome: ChromeWithExtension, language: Language, typos: string[]): Promise<PanelFigures> {
  let panel = await openPanel(chrome);
  await panel.select(SELECT, language);
  const readyMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await panel.close();
    panel = await openPanel(chrome);
    readyMs.push(await panel.evaluate(() => performance.getEntriesByName('texto:spelling-ready')[0]!.startTime));
  }
  // The spelling worker's own heap and array buffers (the dictionary), after a collection.
  const worker = panel.workers().find((w) => w.url().includes('worker'));
  if (!worker) throw new Error('the spelling worker is not running in the panel');
  await worker.client.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const heap = await worker.client.send('Runtime.getHeapUsage');
  const workerBytes = heap.usedSize + heap.backingStorageSize;

  const cdp = await panel.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await panel.evaluate(() => {
    const state = globalThis as unknown as { longTasks: number };
    state.longTasks = 0;
    new PerformanceObserver((list) => (state.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
  });
  await panel.evaluate(() => {
    const bare = document.createElement('textarea');
    bare.id = 'bare-textarea';
    bare.rows = 3;
    bare.style.cssText = 'width: 100%; font: 16px system-ui';
    document.body.prepend(bare);
  });
  const keystroke: Spread[] = [];
  const bare: Spread[] = [];
  const idle: Spread[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
    keystroke.push(await typeMessage(panel, cdp, MESSAGES[language], '.message-field textarea'));
    bare.push(await typeMessage(panel, cdp, MESSAGES[language], '#bare-textarea'));
    idle.push(await idleWindows(cdp));
  }
  await panel.$eval('#bare-textarea', (area) => area.remove());
  const longTasks = await panel.evaluate(() => (globalThis as unknown as { longTasks: number }).longTasks);
  const suggest: Spread[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) suggest.push(await suggestionTimes(panel, typos));
  await setText(panel, '');
  await panel.select(SELECT, 'en');
  await panel.close();
  return { readyMs, workerBytes, keystroke, bare, idle, longTasks, suggest };
}

async function measureTypoJs(language: Language, typos: readonly TypoPair[], workDir: string) {
  const input = (name: string, list: readonly TypoPair[]) => {
    const path = join(workDir, `${language}-${name}.json`);
    writeFileSync(path, JSON.stringify({ artefactPath: ensureArtefact(language), message: MESSAGES[language], typos: list }));
    return path;
  };
  const withTypos = input('typos', typos);
  const without = input('none', []);
  const runs = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) runs.push(await probe('typo-js', language, run === 0 ? withTypos : without));
  const suggestMs = runs[0]!.suggestMs;
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    heldBytes: median(runs.map((r) => r.heldBytes)),
    checkMs: median(runs.map((r) => r.checkMicrosPerKeystroke)) / 1000,
    suggest: { p50: percentile(suggestMs, 50), p95: percentile(suggestMs, 95), max: Math.max(...suggestMs) },
  };
}

function row(label: string, texto: string, typo: string, target: string) {
  console.log(`  ${label.padEnd(46)} ${texto.padStart(26)} ${typo.padStart(22)}   ${target}`);
}

export async function run(): Promise<void> {
  const config = loadConfigFile(DEMO_CONFIG_PATH);
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config, log: () => undefined });
  const chrome = await launchChromeWithExtension({ headless: true });
  const workDir = mkdtempSync(join(tmpdir(), 'texto-bench-compose-'));
  try {
    const version = await chrome.browser.version();
    // The very first panel of a fresh browser: nothing cached yet.
    const first = await chrome.openSidePanel();
    await first.waitForFunction(() => performance.getEntriesByName('texto:spelling-ready').length > 0, { polling: 20 });
    const coldReadyMs = await first.evaluate(() => performance.getEntriesByName('texto:spelling-ready')[0]!.startTime);
    await signInAndGoReady(first, server.url);
    // A conversation of some length, as the agent would have it open while typing.
    const text = (i: number) => `Bonjour, une question sur ma commande ${i} : est-elle partie ? https://example.com/suivi/${i} 06 12 34 56 7${i % 10}`;
    const customerTexts = (i: number) =>
      fetch(`${server.url}/api/simulator/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+33600000001', to: '+33937000002', text: text(i) }),
      });
    await customerTexts(0);
    // Links and numbers are drawn as the transcript shows them: match the plain part.
    const marker = (i: number) => `ma commande ${i} :`;
    await acceptOffer(first, marker(0));
    for (let i = 1; i < TRANSCRIPT_ENTRIES; i += 1) await customerTexts(i);
    // The log is windowed: the newest message standing in it means all have arrived.
    await first.waitForFunction(
      (newest) => document.querySelector('[role="log"][aria-label="Transcript"]')?.textContent?.includes(newest),
      {},
      marker(TRANSCRIPT_ENTRIES - 1),
    );
    await first.close();

    console.log(`Message box in the real side panel (${version}, headless) vs plain typo-js (node ${process.version})`);
    console.log(`medians of ${RUNS} panel openings / ${Math.min(RUNS, 3)} typing and suggestion passes / ${Math.min(RUNS, 3)} typo-js processes`);
    console.log(`first panel of a fresh browser (English): dictionary ready ${fmt(coldReadyMs, 0)} after the panel started loading`);
    console.log(`the interaction shows a transcript of ${TRANSCRIPT_ENTRIES} messages; one key every ${KEY_PACE_MS} ms`);
    for (const language of ['en', 'fr'] as const) {
      const bytes = readFileSync(ensureArtefact(language));
      const engine = new SpellingEngine(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const pairs = selectTypos(language, engine);
      const typos = pairs.slice(0, TYPOS).map(([typed]) => typed);
      const panel = await measurePanel(chrome, language, typos);
      const typo = await measureTypoJs(language, pairs.slice(0, TYPO_JS_TYPOS), workDir);
      const keys = (pick: (k: PanelFigures['keystroke'][number]) => number) => median(panel.keystroke.map(pick));
      const suggest = (pick: (s: PanelFigures['suggest'][number]) => number) => median(panel.suggest.map(pick));

      console.log(`\n${language === 'en' ? 'English' : 'French'} (${MESSAGES[language].length}-character SMS, ${typos.length} typos in the panel)`);
      row('', 'texto, real side panel', 'typo-js, Node', 'target');
      row('dictionary ready after the panel opens', `${fmt(median(panel.readyMs), 0)} (max ${fmt(Math.max(...panel.readyMs), 0)})`, `load ${fmt(typo.loadMs, 0)}`, '≤ 300 ms');
      row('dictionary memory (MB)', `${(panel.workerBytes / 1e6).toFixed(1)} (worker)`, `${(typo.heldBytes / 1e6).toFixed(0)} (heap + external)`, language === 'fr' ? '≤ 60 MB' : '');
      const of = (list: Spread[]) => `${median(list.map((k) => k.p50)).toFixed(2)} / ${median(list.map((k) => k.p95)).toFixed(2)} / ${median(list.map((k) => k.max)).toFixed(1)} ms`;
      row('main thread per keystroke p50 / p95 / max', of(panel.keystroke), `check alone ${typo.checkMs.toFixed(3)} ms`, '≤ 8 ms');
      row('  a bare <textarea> in the same panel', of(panel.bare), '', '');
      row('  the message box\'s own share (p50 − bare p50)', fmt(keys((k) => k.p50) - median(panel.bare.map((k) => k.p50)), 2), '', '');
      row('  no key, same window (clock tick…)', of(panel.idle), '', '');
      row('  long tasks (> 50 ms) while typing', String(panel.longTasks), '', '');
      row(
        'suggestions p50 / p95 / max',
        `${suggest((s) => s.p50).toFixed(1)} / ${suggest((s) => s.p95).toFixed(1)} / ${suggest((s) => s.max).toFixed(1)} ms`,
        `${typo.suggest.p50.toFixed(0)} / ${typo.suggest.p95.toFixed(0)} / ${typo.suggest.max.toFixed(0)} ms (${TYPO_JS_TYPOS})`,
        'p95 ≤ 50 ms',
      );
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await chrome.browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
