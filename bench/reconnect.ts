import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createConnection, type Connection } from '../entrypoints/background/connection';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { signIn } from '../tests/integration/helpers/agent';
import { percentile } from './stats';

// After a SIGKILL of the real server process and a restart on the same data: how long after the
// server accepts connections again is each of 100 agents resumed, with the extension's own
// connection code (entrypoints/background/connection.ts: its backoff, jitter and close handling,
// on Node's WebSocket), and how hard do they knock meanwhile.

const AGENTS = Number(process.env.RECONNECT_AGENTS ?? 100);
const RUNS = Number(process.env.RECONNECT_RUNS ?? 5);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every WebSocket the extension code opens, with when (the knocking the server has to absorb). */
const attempts: number[] = [];
const NativeWebSocket = globalThis.WebSocket;
class CountedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    attempts.push(performance.now());
  }
}
globalThis.WebSocket = CountedWebSocket;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves at the first TCP connection the server accepts. */
async function acceptsAt(port: number): Promise<number> {
  for (;;) {
    const at = await new Promise<number | undefined>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(performance.now());
      });
      socket.once('error', () => resolve(undefined));
    });
    if (at !== undefined) return at;
    await sleep(5);
  }
}

interface Desk {
  connection: Connection;
  lastSeq: number;
  /** When the agent last became current (welcome + snapshot or replay caught up). */
  resumedAt: number | undefined;
}

function openDesk(server: string, token: string): Desk {
  let welcomeSeq = 0;
  const desk: Desk = {
    lastSeq: 0,
    resumedAt: undefined,
    connection: createConnection({
      onWelcome(welcome) {
        welcomeSeq = welcome.seq;
        desk.connection.send({ type: 'resume', lastSeq: desk.lastSeq });
        if (desk.lastSeq > 0 && desk.lastSeq >= welcomeSeq) desk.resumedAt = performance.now();
      },
      onFrame(frame) {
        if (frame.type === 'snapshot') {
          desk.lastSeq = frame.seq;
          desk.resumedAt = performance.now();
        } else if (frame.type === 'event' && frame.seq > desk.lastSeq) {
          desk.lastSeq = frame.seq;
          desk.connection.send({ type: 'ack', seq: frame.seq });
          if (desk.resumedAt === undefined && desk.lastSeq >= welcomeSeq) desk.resumedAt = performance.now();
        }
      },
      onInfo() {},
      onUnauthorized(message) {
        throw new Error(`agent refused: ${message}`);
      },
    }),
  };
  desk.connection.start({ server, token });
  return desk;
}

/** The most attempts in any window of `windowMs`, as a rate per second. */
function peakPerSecond(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return (best * 1000) / windowMs;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'texto-bench-reconnect-'));
  const config = loadConfigFile(DEMO_CONFIG_PATH);
  const bob = config.agents.find((a) => a.username === 'bob')!;
  config.agents = [
    ...config.agents,
    ...Array.from({ length: AGENTS - config.agents.length }, (_, i) => ({ ...bob, id: undefined, username: `agent${i + 3}`, name: `Agent ${i + 3}`, extension: String(2000 + i) })),
  ];
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, stringify(JSON.parse(JSON.stringify(config))));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: join(dir, 'data'), CONFIG: configPath },
      stdio: 'ignore',
    });
    return acceptsAt(port);
  };
  const desks: Desk[] = [];
  try {
    await start();
    const sessions = await Promise.all(config.agents.slice(0, AGENTS).map((agent) => signIn(url, agent.username)));
    for (const session of sessions) desks.push(openDesk(url, session.token));
    const allResumed = async (timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (desks.some((d) => d.resumedAt === undefined)) {
        if (Date.now() > deadline) throw new Error(`${desks.filter((d) => d.resumedAt === undefined).length} agents not resumed after ${timeoutMs} ms`);
        await sleep(10);
      }
    };
    await allResumed(30_000);

    const runs: { p50: number; p99: number; max: number; down: number; peak1s: number; peak100ms: number; attempts: number }[] = [];
    for (let round = 0; round < RUNS; round++) {
      await sleep(500 + Math.random() * 1000);
      for (const desk of desks) desk.resumedAt = undefined;
      attempts.length = 0;
      const killedAt = performance.now();
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      const acceptedAt = await start();
      await allResumed(60_000);
      const back = desks.map((d) => d.resumedAt! - acceptedAt);
      runs.push({
        p50: percentile(back, 50),
        p99: percentile(back, 99),
        max: Math.max(...back),
        down: acceptedAt - killedAt,
        peak1s: peakPerSecond(attempts, 1000),
        peak100ms: peakPerSecond(attempts, 100),
        attempts: attempts.length,
      });
      const last = runs.at(-1)!;
      console.log(
        `  run ${round + 1}: server accepting ${(last.down / 1000).toFixed(1)} s after the kill; agents resumed p50 ${last.p50.toFixed(0)} ms, p99 ${last.p99.toFixed(0)} ms, max ${last.max.toFixed(0)} ms after; ${last.attempts} connection attempts, peak ${last.peak1s.toFixed(0)}/s (1 s window), ${last.peak100ms.toFixed(0)}/s (100 ms window)`,
      );
    }
    const median = (pick: (r: (typeof runs)[number]) => number) => percentile(runs.map(pick), 50);
    console.log(`reconnect after SIGKILL (${AGENTS} agents, the extension's connection code, medians of ${RUNS} runs)`);
    console.log(`  agent resumed after the server accepts again: p50 ${median((r) => r.p50).toFixed(0)} ms, p99 ${median((r) => r.p99).toFixed(0)} ms, max ${median((r) => r.max).toFixed(0)} ms (target p99 ≤ 2000 ms)`);
    console.log(`  server accepting again ${(median((r) => r.down) / 1000).toFixed(1)} s after the kill`);
    console.log(`  connection attempts: ${median((r) => r.attempts).toFixed(0)} per outage, peak ${median((r) => r.peak1s).toFixed(0)}/s over 1 s, ${median((r) => r.peak100ms).toFixed(0)}/s over 100 ms`);
  } finally {
    for (const desk of desks) desk.connection.stop();
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
