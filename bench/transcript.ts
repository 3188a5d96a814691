/**
 * The transcript of a 10,000-message session in the real side panel (built extension, real
 * Chromium, real server on 127.0.0.1), against a 100-message transcript measured the same way in
 * the same run. For each, over RUNS reloads of the panel:
 *   first render   from the agent's state reaching the panel (performance mark `texto:state-received`)
 *                  to the frame after the newest message stands in the transcript's DOM
 *   panel load     from the panel's navigation start to that same frame (script, port, state, render)
 *   JS heap        the panel page's used JS heap after a forced GC (CDP Performance.getMetrics)
 *   DOM nodes      the panel page's node count (what windowing keeps small)
 *   Home           pressing Home in the transcript until the first message is painted
 *   scroll step    one 400 px scroll until the next frame is painted (median of 40 steps)
 * Targets for 10,000 messages: first render ≤ 50 ms, heap ≤ 50 MB. The session is written straight
 * into the database (scripts/seed-long-transcript.ts): 10,000 texts through the API take minutes.
 * `npm run bench -- transcript` (BENCH_RUNS=… to change the number of reloads).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { launchChromeWithExtension } from '../scripts/browser';
import { seedLongInteraction } from '../scripts/seed-long-transcript';
import { signIn, TRANSCRIPT, waitForText } from '../tests/e2e/support/panel';
import { ms, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = [100, 10_000];
const TARGET_RENDER_MS = 50;
const TARGET_HEAP_MB = 50;

interface Figures {
  firstRender: number[];
  panelLoad: number[];
  heapMb: number[];
  nodes: number[];
  home: number[];
  scrollStep: number[];
}

type BenchWindow = { __textoPainted?: Promise<number> };

/** Installed before the panel's own scripts: resolves with the time of the frame after `text` appears. */
function watchScript(selector: string, text: string): string {
  return `(() => {
    window.__textoPainted = new Promise((resolve) => {
      const seen = () => [...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => e.textContent.includes(${JSON.stringify(text)}));
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true, characterData: true }));
    });
  })();`;
}

async function metrics(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: value('JSHeapUsedSize') / (1024 * 1024), nodes: value('Nodes') };
}

/**
 * Time from `action` to the frame after `condition` holds, both measured in the page. Passed as
 * source text: the extension page's CSP forbids eval, and tsx would wrap named helpers in a
 * __name() call the page does not have.
 */
async function timeUntilPainted(panel: Page, action: string, condition: string): Promise<number> {
  return (await panel.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    ${action}
    const poll = () => {
      if (${condition}) requestAnimationFrame(() => resolve(performance.now() - start));
      else requestAnimationFrame(poll);
    };
    poll();
  })`)) as number;
}

async function measure(size: number): Promise<Figures> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: 'memory://',
    config: loadConfigFile(DEMO_CONFIG_PATH),
    log: () => undefined,
    onDatabase: async (db) => {
      await seedLongInteraction(db, { agentId: 'alice', agentName: 'Alice Martin', customerPhone: '+33755501234', centreNumber: '+33937000002', messages: size });
    },
  });
  const chrome = await launchChromeWithExtension({ headless: true });
  const figures: Figures = { firstRender: [], panelLoad: [], heapMb: [], nodes: [], home: [], scrollStep: [] };
  try {
    const panel = await chrome.openSidePanel();
    const newest = `Message ${size} `;
    await signIn(panel, server.url, 'alice');
    await waitForText(panel, TRANSCRIPT, newest, 60_000);
    await panel.evaluateOnNewDocument(watchScript(TRANSCRIPT, newest));
    const cdp = await panel.createCDPSession();
    await cdp.send('Performance.enable');
    for (let run = 0; run < RUNS; run++) {
      await panel.reload();
      const painted = await panel.evaluate(() => (window as BenchWindow).__textoPainted!);
      const received = await panel.evaluate(() => performance.getEntriesByName('texto:state-received')[0]?.startTime ?? Number.NaN);
      figures.firstRender.push(painted - received);
      figures.panelLoad.push(painted);
      const { heapMb, nodes } = await metrics(cdp);
      figures.heapMb.push(heapMb);
      figures.nodes.push(nodes);
      const log = `document.querySelector(${JSON.stringify(TRANSCRIPT)})`;
      figures.home.push(
        await timeUntilPainted(
          panel,
          `const log = ${log}; log.focus(); log.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));`,
          `${log}.textContent.includes('Message 1 ')`,
        ),
      );
      for (let step = 0; step < 40 / RUNS + 1; step++) {
        figures.scrollStep.push(
          await timeUntilPainted(panel, `${log}.scrollTop += 400;`, `true`),
        );
      }
    }
  } finally {
    await chrome.browser.close();
    await server.close();
  }
  return figures;
}

export async function run(): Promise<void> {
  const results = new Map<number, Figures>();
  for (const size of SIZES) results.set(size, await measure(size));
  const med = (values: number[]) => percentile(values, 50);
  console.log(`${RUNS} panel reloads per transcript; medians (min–max)`);
  const span = (values: number[], format: (n: number) => string) =>
    `${format(med(values)).padStart(10)} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  const count = (n: number) => String(Math.round(n));
  const rows: [string, keyof Figures, (n: number) => string][] = [
    ['first render (state → painted)', 'firstRender', ms],
    ['panel load (navigation → painted)', 'panelLoad', ms],
    ['JS heap of the panel page', 'heapMb', mb],
    ['DOM nodes of the panel page', 'nodes', count],
    ['Home → first message painted', 'home', ms],
    ['scroll step 400 px → painted', 'scrollStep', ms],
  ];
  for (const [label, key, format] of rows) {
    const [small, large] = SIZES.map((size) => results.get(size)![key]);
    const ratio = med(large!) / med(small!);
    console.log(`${label.padEnd(36)} ${SIZES[0]}: ${span(small!, format)}   ${SIZES[1]}: ${span(large!, format)}   ×${ratio.toFixed(2)}`);
  }
  const large = results.get(SIZES[1]!)!;
  const render = med(large.firstRender);
  const heap = med(large.heapMb);
  console.log(
    `targets for ${SIZES[1]} messages: first render ${ms(render)} (target ${TARGET_RENDER_MS} ms: ${render <= TARGET_RENDER_MS ? 'met' : 'NOT met'}), ` +
      `heap ${mb(heap)} (target ${TARGET_HEAP_MB} MB: ${heap <= TARGET_HEAP_MB ? 'met' : 'NOT met'})`,
  );
}
