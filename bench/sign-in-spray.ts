import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { signInFrom } from '../tests/integration/helpers/sign-in-from';
import { DEMO_PASSWORD } from '../tests/integration/helpers/server';
import { ms, percentile } from './stats';

const RUNS = 3;
const SPRAY_MS = 4000;
/** Guesses in flight at once, per attack. */
const CONCURRENCY = 32;
const AGENT_DESK = '127.0.0.2';
const SIGN_INS = 15;

const median = (values: readonly number[]) => percentile(values, 50);

interface Attack {
  name: string;
  /** The address each guess comes from. */
  from: (i: number) => string;
}

const ATTACKS: Attack[] = [
  { name: 'one address, many usernames', from: () => '127.0.0.9' },
  { name: '50 addresses, many usernames', from: (i) => `127.0.1.${10 + (i % 50)}` },
];

/** One agent's sign-ins from its own desk, one after another: their durations. */
async function agentSignIns(url: string): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < SIGN_INS; i++) {
    const started = performance.now();
    const answer = await signInFrom(AGENT_DESK, url, 'alice', DEMO_PASSWORD);
    durations.push(performance.now() - started);
    if (answer.status !== 200) throw new Error(`the agent's sign-in answered ${answer.status}: ${answer.message}`);
  }
  return durations;
}

/** Sends wrong passwords for made-up usernames, CONCURRENCY at a time, for SPRAY_MS. */
async function spray(url: string, attack: Attack, stopAt: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let n = 0;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const i = n++;
      const answer = await signInFrom(attack.from(i), url, `user${i}`, 'Winter2026!');
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

/**
 * Password spraying against the real server: guesses answered per second (401 = a password was
 * checked, 429/503 = refused before any scrypt), and an agent's sign-in time from another desk
 * during the attack against the same sign-in with the server idle, in the same run. Medians over
 * RUNS runs.
 */
export async function run(): Promise<void> {
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  const results = new Map<string, { checked: number[]; refused: number[]; ratio: number[]; during: number[] }>();
  const idle: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (const attack of ATTACKS) {
      const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config, log: () => {} });
      try {
        const quiet = median(await agentSignIns(server.url));
        idle.push(quiet);
        const stopAt = performance.now() + SPRAY_MS;
        const attacking = spray(server.url, attack, stopAt);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const during = median(await agentSignIns(server.url));
        const statuses = await attacking;
        const seconds = SPRAY_MS / 1000;
        const refused = ((statuses.get(429) ?? 0) + (statuses.get(503) ?? 0)) / seconds;
        const entry = results.get(attack.name) ?? { checked: [], refused: [], ratio: [], during: [] };
        entry.checked.push((statuses.get(401) ?? 0) / seconds);
        entry.refused.push(refused);
        entry.during.push(during);
        entry.ratio.push(during / quiet);
        results.set(attack.name, entry);
        const other = [...statuses.keys()].filter((status) => ![401, 429, 503].includes(status));
        if (other.length > 0) console.log(`  run ${r + 1}, ${attack.name}: unexpected statuses ${other.join(', ')}`);
      } finally {
        await server.close();
      }
    }
  }
  console.log(`sign-in spray (${CONCURRENCY} guesses in flight for ${SPRAY_MS / 1000} s, ${RUNS} runs, medians)`);
  console.log(`  an agent's sign-in, server idle: ${ms(median(idle))}`);
  for (const [name, entry] of results) {
    console.log(
      `  ${name}: passwords checked ${median(entry.checked).toFixed(0)}/s, refused before checking ${median(entry.refused).toFixed(0)}/s; ` +
        `the agent's sign-in meanwhile ${ms(median(entry.during))} (${median(entry.ratio).toFixed(1)}× idle)`,
    );
  }
}
