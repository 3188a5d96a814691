// The real Texto server for an e2e test file: on 127.0.0.1, a port it picks, an in-memory database
// (or a temp directory when the test restarts it), the demo configuration (or a variant of it).
import { mkdtempSync, rmSync } from 'node:fs';
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
}

/** `configure` changes the demo configuration (e.g. a session inactivity time of a few seconds, a CRM dialer). */
export async function startTestServer(
  options: { persistent?: boolean; configure?: (config: TextoConfig) => void } = {},
): Promise<TestServer> {
  const dataDir = options.persistent ? mkdtempSync(path.join(tmpdir(), 'texto-e2e-')) : 'memory://';
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  options.configure?.(config);
  const logs: string[] = [];
  let db: Db | null = null;
  const start = (port: number) =>
    startServer({
      host: '127.0.0.1',
      port,
      dataDir,
      config,
      configPath: DEMO_CONFIG_PATH,
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
  };
}
