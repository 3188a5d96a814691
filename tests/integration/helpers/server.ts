import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile, type TextoConfig } from '../../../server/config';
import { keepBlankCluster } from './pglite-cache';

export const PAGE_NUMBER = '+33937000001';
export const SESSION_NUMBER = '+33937000002';
export const DEMO_PASSWORD = 'texto-demo';

export interface TestServer extends RunningServer {
  config: TextoConfig;
  /** What the server logged (tests check it for migrations and warnings). */
  logs: string[];
}

/** The demo configuration with some fields changed, e.g. `demoConfig((c) => (c.routing.offerTimeoutSeconds = 2))`. */
export function demoConfig(change: (config: TextoConfig) => void = () => {}): TextoConfig {
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  change(config);
  return config;
}

/** A real server on 127.0.0.1, on a free port, with an in-memory database unless `dataDir` is given. */
export async function startTestServer(
  options: { config?: TextoConfig; dataDir?: string; onDatabase?: ServerOptions['onDatabase'] } = {},
): Promise<TestServer> {
  const logs: string[] = [];
  const config = options.config ?? demoConfig();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: options.dataDir ?? 'memory://',
    config,
    log: (line) => logs.push(line),
    ...(options.onDatabase ? { onDatabase: options.onDatabase } : {}),
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
