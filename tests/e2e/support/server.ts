// The real Texto server for an e2e test file: on 127.0.0.1, a port it picks, an in-memory database
// (or a temp directory when the test restarts it), the demo configuration (or a variant of it), or
// a configuration file the test rewrites (the server reloads it, as `npm run server` does).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile, type TextoConfig } from '../../../server/config';
import type { Db } from '../../../server/db/db';

export interface TestServer {
  url: string;
  port: number;
  /** The server's database, to check what was stored (and to seed long transcripts). */
  db(): Db;
  /** Stops the server (its sockets drop: the extension starts reconnecting). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
  /**
   * With `configFile`: replaces the demo file's text (`edit` gets the current text) and waits until
   * the server has reloaded it; returns the log lines of that reload.
   */
  rewriteConfig(edit: (yaml: string) => string): Promise<string[]>;
}

/**
 * `configure` changes the demo configuration (e.g. a session inactivity time of a few seconds, a CRM
 * dialer). `configFile`: the server reads a copy of the demo file in a temp folder and watches it,
 * and `rewriteConfig` changes it.
 */
export async function startTestServer(
  options: { persistent?: boolean; configure?: (config: TextoConfig) => void; configFile?: boolean } = {},
): Promise<TestServer> {
  const dataDir = options.persistent ? mkdtempSync(path.join(tmpdir(), 'texto-e2e-')) : 'memory://';
  const configDir = options.configFile ? mkdtempSync(path.join(tmpdir(), 'texto-e2e-config-')) : undefined;
  const configPath = configDir ? path.join(configDir, 'texto.yaml') : DEMO_CONFIG_PATH;
  if (configDir) writeFileSync(configPath, readFileSync(DEMO_CONFIG_PATH, 'utf8'));
  const config = options.configFile ? undefined : structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  if (config) options.configure?.(config);
  const logs: string[] = [];
  let db: Db | null = null;
  const start = (port: number) =>
    startServer({
      host: '127.0.0.1',
      port,
      dataDir,
      ...(config ? { config } : { watchConfig: true }),
      configPath,
      log: (line) => logs.push(line),
      onDatabase: (handle) => {
        db = handle;
      },
    });
  let running: Awaited<ReturnType<typeof startServer>> | null = await start(0);
  const { port, url } = running;
  return {
    url,
    port,
    db() {
      if (!db || !running) throw new Error('the server is not running');
      return db;
    },
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      running = await start(port);
    },
    async close() {
      await running?.close();
      running = null;
      if (options.persistent) rmSync(dataDir, { recursive: true, force: true });
      if (configDir) rmSync(configDir, { recursive: true, force: true });
    },
    async rewriteConfig(edit) {
      if (!configDir) throw new Error('start the server with configFile: true to rewrite its configuration');
      const before = logs.length;
      writeFileSync(configPath, edit(readFileSync(configPath, 'utf8')));
      // The file watcher reloads 300 ms after the last change; the log says how it went.
      for (let waited = 0; waited < 10_000; waited += 50) {
        const since = logs.slice(before);
        const end = since.findIndex((line) => /^configuration: .* (reloaded|refused)/.test(line));
        if (end >= 0) {
          await new Promise((resolve) => setTimeout(resolve, 200)); // the lines listing the changes follow it
          return logs.slice(before + end);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the server did not reload ${configPath}: ${logs.slice(before).join(' | ')}`);
    },
  };
}

/**
 * Registers beforeAll/afterAll in the calling describe block (or file): one server for its tests.
 * The answer stands for that server: read its `url` or call its methods inside tests and hooks,
 * not while the block is being declared (the server starts in beforeAll).
 */
export function useTestServer(options: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  const current = () => {
    if (!running) throw new Error('the server is not started: read it inside a test');
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    db: () => current().db(),
    stop: () => current().stop(),
    restart: () => current().restart(),
    close: () => current().close(),
    rewriteConfig: (edit) => current().rewriteConfig(edit),
  };
}
