import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile, type TextoConfig } from '../../../server/config';
import { blankClusterCopy, primeBlankCluster } from '../../../server/db/pglite';

export const PAGE_NUMBER = '+33186950001';
export const SESSION_NUMBER = '+33186950002';
export const DEMO_PASSWORD = 'texto-demo';

export interface TestServer extends RunningServer {
  config: TextoConfig;
  /** What the server logged; printed by a failing test's message when useful. */
  logs: string[];
}

/** The demo configuration with some fields changed, e.g. `{ routing: { offerTimeoutSeconds: 2 } }`. */
export function demoConfig(change: (config: TextoConfig) => void = () => {}): TextoConfig {
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  change(config);
  return config;
}

/**
 * Each test file runs in its own process, where PGlite's first database would run initdb
 * (seconds). The empty cluster it makes is kept in a temp file, keyed by PGlite's version, so
 * the other files start their databases from a copy instead.
 */
const PGLITE_VERSION = (JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string }).version;
const BLANK_CLUSTER_FILE = join(tmpdir(), `texto-test-pglite-${PGLITE_VERSION}-blank-cluster.tar`);
if (existsSync(BLANK_CLUSTER_FILE)) primeBlankCluster(new Blob([readFileSync(BLANK_CLUSTER_FILE)]));

async function keepBlankCluster(): Promise<void> {
  const copy = blankClusterCopy();
  if (!copy || existsSync(BLANK_CLUSTER_FILE)) return;
  const partial = `${BLANK_CLUSTER_FILE}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await (await copy).arrayBuffer()));
  renameSync(partial, BLANK_CLUSTER_FILE);
}

/** A real server on 127.0.0.1, on a free port, with an in-memory database unless `dataDir` is given. */
export async function startTestServer(options: { config?: TextoConfig; dataDir?: string } = {}): Promise<TestServer> {
  const logs: string[] = [];
  const config = options.config ?? demoConfig();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: options.dataDir ?? 'memory://',
    config,
    log: (line) => logs.push(line),
  });
  await keepBlankCluster();
  return { ...server, config, logs };
}

/** A fresh directory for a database that must outlive one server (restart tests); removed by `remove()`. */
export function tempDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'texto-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
