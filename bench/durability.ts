import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { percentile } from './stats';

const TEXTS = 150;
const ROUNDS = 3;

/** One customer text after another through the simulator gateway, on a database in a fresh folder. */
async function postTexts(durable: boolean): Promise<{ p50: number; p99: number; perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'texto-bench-durable-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: dir, config: loadConfigFile(DEMO_CONFIG_PATH), log: () => {}, durable });
  try {
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < TEXTS; i++) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}/api/simulator/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: `+3361${String(1_000_000 + i)}`, to: '+33937000001', text: `text ${i}` }),
      });
      if (response.status !== 202) throw new Error(`inbound refused: ${response.status}`);
      await response.arrayBuffer();
      samples.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), perSecond: TEXTS / seconds };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => percentile(values, 50);

/** The cost of a durable embedded database (fsync at each commit) against PGlite's default (fsync off), same run. */
export async function run(): Promise<void> {
  const durable: Awaited<ReturnType<typeof postTexts>>[] = [];
  const unsafe: Awaited<ReturnType<typeof postTexts>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    unsafe.push(await postTexts(false));
    durable.push(await postTexts(true));
  }
  const line = (name: string, runs: typeof durable) =>
    `${name}: inbound text p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(runs.map((r) => r.p99)).toFixed(1)} ms, ${median(runs.map((r) => r.perSecond)).toFixed(0)} texts/s`;
  console.log(`durability (${TEXTS} texts one after another, medians of ${ROUNDS} rounds)`);
  console.log(`  ${line('durable (fsync on, the default)', durable)}`);
  console.log(`  ${line('baseline (fsync off, before)', unsafe)}`);
  console.log(`  cost: p50 ×${(median(durable.map((r) => r.p50)) / median(unsafe.map((r) => r.p50))).toFixed(2)}`);
}
