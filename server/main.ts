import { startServer } from './app';
import { startBanner } from './start-banner';

// `npm run server`: the reference interaction server. PORT, HOST, DATA_DIR and CONFIG override
// the configuration's defaults (127.0.0.1:8787, ./data, config/demo.yaml).

function portFromEnv(): number | undefined {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return port;
}

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

// Last resort: every known failure path is handled where it happens; anything that still escapes
// is logged and the server keeps serving the agents that are connected.
process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
process.on('uncaughtException', (error) => log(`uncaught exception: ${error.stack ?? error.message}`));

try {
  const server = await startServer({
    port: portFromEnv(),
    host: process.env.HOST || undefined,
    dataDir: process.env.DATA_DIR || undefined,
    configPath: process.env.CONFIG || undefined,
    watchConfig: true,
    log,
  });
  log(`Texto server listening on ${server.url} (agents: ${server.url.replace(/^http/, 'ws')}/ws)`);
  for (const line of await startBanner(server)) console.log(line);
  // SIGHUP re-reads the configuration (as the file watcher does when it is saved).
  process.on('SIGHUP', () => {
    server.reloadConfig('SIGHUP').catch((error: unknown) => log(`configuration: reload failed: ${String(error)}`));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (closing connections and the database)…`);
    server.close().then(
      () => {
        log('stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(`The server did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
