/**
 * The contact history of a contact with 500 past interactions, shown from the IndexedDB cache in
 * the real side panel (built extension, real Chromium, real server on 127.0.0.1): from the click
 * on History to the 500th item standing in the DOM, median and p90 over RUNS openings. In the
 * same run, as baselines: a contact with 10 past interactions from the cache, and the same
 * 500-item history until the server's fresh copy is shown (the round trip the cache saves).
 * Each opening starts cold in memory (closing the history drops its items; only IndexedDB keeps
 * them). Seeding the interactions is not timed.
 *
 * `npm run bench -- history` (BENCH_RUNS=… to change the count). Target: 50 ms from the cache.
 */
import type { Page } from 'puppeteer-core';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { launchChromeWithExtension } from '../scripts/browser';
import { AgentClient } from '../tests/integration/helpers/agent';
import { acceptOffer, signInAndGoReady, waitForText } from '../tests/e2e/support/panel';
import { ms, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const PAGE_NUMBER = '+33937000001';

async function text(server: string, from: string, body: string): Promise<string> {
  const response = await fetch(`${server}/api/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: PAGE_NUMBER, text: body }),
  });
  if (response.status !== 202) throw new Error(`simulator answered ${response.status}`);
  return ((await response.json()) as { interactionId: string }).interactionId;
}

/** `count` closed interactions with this customer, each with a note and a disposition (Bob's desk). */
async function seed(server: string, bob: AgentClient, phone: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const interactionId = await text(server, phone, `Question ${i}: ma commande ${1000 + i} n'est pas arrivée, pouvez-vous vérifier ?`);
    await bob.waitForOffer(interactionId, 10_000);
    await bob.ok({ name: 'accept', interactionId });
    await bob.ok({ name: 'setNote', interactionId, note: `Vérifié le suivi ${i}, renvoi prévu, client prévenu par SMS.` });
    await bob.ok({ name: 'setDisposition', interactionId, code: i % 3 === 0 ? 'resolved' : 'follow_up' });
    await bob.ok({ name: 'markDone', interactionId });
  }
}

type Shown = { cache: number; painted: number; server: number };
type BenchWindow = { __historyShown?: Promise<Shown> };

/**
 * Clicks History in the interaction of `phone` and resolves with the time until `expected` items
 * stand in the list (from the cache) and until the server's copy replaced the saved one.
 */
async function openHistory(panel: Page, phone: string, expected: number): Promise<Shown> {
  // Not timed: bring the contact's interaction to the front (one tab is shown at a time).
  await panel.evaluate((who) => {
    [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => tab.querySelector('.tab-who')?.textContent === who)?.click();
  }, phone);
  await panel.waitForFunction((who) => [...document.querySelectorAll('section.interaction h2')].some((h) => h.textContent === who), {}, phone);
  await panel.evaluate(
    (who, count) => {
      const section = [...document.querySelectorAll('section.interaction')].find((s) => s.querySelector('h2')?.textContent === who)!;
      const button = [...section.querySelectorAll('button')].find((b) => b.textContent === 'History')!;
      // No named helper inside: tsx wraps named functions in a __name() call the page does not have.
      (window as BenchWindow).__historyShown = new Promise((resolve) => {
        let cache = 0;
        let painted = 0;
        let server = 0;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const items = section.querySelectorAll('.history-list > li').length;
          if (!cache && items >= count) {
            cache = performance.now() - start;
            // The frame after the items entered the DOM: laid out and painted.
            requestAnimationFrame(() =>
              setTimeout(() => {
                painted = performance.now() - start;
                if (server) resolve({ cache, painted, server });
              }, 0),
            );
          }
          const status = section.querySelector('.history-status-line')?.textContent ?? 'x';
          if (cache && !server && status === '') {
            observer.disconnect();
            server = performance.now() - start;
            if (painted) resolve({ cache, painted, server });
          }
        });
        observer.observe(section, { childList: true, subtree: true, characterData: true });
        button.click();
      });
    },
    phone,
    expected,
  );
  return panel.evaluate(() => (window as BenchWindow).__historyShown!);
}

async function closeHistory(panel: Page, phone: string): Promise<void> {
  await panel.evaluate((who) => {
    const section = [...document.querySelectorAll('section.interaction')].find((s) => s.querySelector('h2')?.textContent === who)!;
    [...section.querySelectorAll('button')].find((b) => b.textContent === 'History' && b.getAttribute('aria-expanded') === 'true')?.click();
  }, phone);
  await panel.waitForFunction((who) => {
    const section = [...document.querySelectorAll('section.interaction')].find((s) => s.querySelector('h2')?.textContent === who);
    return section && !section.querySelector('.history-list');
  }, {}, phone);
}

export async function run(): Promise<void> {
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config: loadConfigFile(DEMO_CONFIG_PATH), log: () => undefined });
  const chrome = await launchChromeWithExtension({ headless: true });
  try {
    const big = '+33699000500';
    const small = '+33699000010';
    const bob = await AgentClient.connect(server.url, 'bob');
    await bob.ok({ name: 'setStatus', status: 'ready' });
    const seeding = Date.now();
    await seed(server.url, bob, big, 500);
    await seed(server.url, bob, small, 10);
    await bob.ok({ name: 'setStatus', status: 'not_ready' });
    bob.close();
    console.log(`seeded 510 closed interactions in ${((Date.now() - seeding) / 1000).toFixed(1)} s (not timed)`);

    const panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
    await text(server.url, big, 'Et maintenant ?');
    await acceptOffer(panel, 'Et maintenant ?');
    await text(server.url, small, 'Bonjour encore');
    await acceptOffer(panel, 'Bonjour encore');
    // Both contacts' histories reach IndexedDB when their interactions appear (the counts).
    await waitForText(panel, '.contact-bar', '11 in the last 30 days', 30_000);
    await panel.evaluate((who) => {
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => tab.querySelector('.tab-who')?.textContent === who)?.click();
    }, big);
    await waitForText(panel, '.contact-bar', '501 in the last 30 days', 30_000);

    const samples = { big: [] as number[], bigPainted: [] as number[], bigServer: [] as number[], small: [] as number[], smallPainted: [] as number[] };
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const b = await openHistory(panel, big, 500);
      await closeHistory(panel, big);
      const s = await openHistory(panel, small, 10);
      await closeHistory(panel, small);
      if (i < WARMUP) continue;
      samples.big.push(b.cache);
      samples.bigPainted.push(b.painted);
      samples.bigServer.push(b.server);
      samples.small.push(s.cache);
      samples.smallPainted.push(s.painted);
    }
    const line = (label: string, values: number[]) =>
      console.log(`${label.padEnd(66)} median ${ms(percentile(values, 50)).padStart(10)}   p90 ${ms(percentile(values, 90)).padStart(10)}`);
    console.log(`${RUNS} openings after ${WARMUP} warm-up, each cold in memory (IndexedDB read + render)`);
    line('500 past interactions, from the cache: in the DOM', samples.big);
    line('500 past interactions, from the cache: painted (target 50 ms)', samples.bigPainted);
    line('(baseline) 10 past interactions, from the cache: in the DOM', samples.small);
    line('(baseline) 10 past interactions, from the cache: painted', samples.smallPainted);
    line('(baseline) 500 past interactions, until the server copy is shown', samples.bigServer);
    const median = (v: number[]) => percentile(v, 50);
    console.log(
      `ratios: 500 vs 10 from the cache (painted) ${(median(samples.bigPainted) / median(samples.smallPainted)).toFixed(1)}×;` +
        ` server copy vs cache (painted) ${(median(samples.bigServer) / median(samples.bigPainted)).toFixed(1)}×`,
    );
  } finally {
    await chrome.browser.close();
    await server.close();
  }
}
