import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CONFIG_PATH, loadConfigFile, type TextoConfig } from './config';
import { refuseDemoPasswordsBeyondLoopback } from './auth/demo-guard';
import { createConfigReloader, type ReloadOutcome } from './config/reload';
import { syncConfig } from './config/sync';
import { watchConfigFile } from './config/watch';
import type { ServerContext } from './context';
import { migrate } from './db/migrate';
import type { Db } from './db/db';
import { openMediaFiles } from './domain/media-files';
import { openPglite } from './db/pglite';
import { registerCallbackDeadlines } from './callbacks/deliver';
import { registerHousekeeping } from './domain/housekeeping';
import { registerSessionDeadlines } from './domain/session';
import { runWork } from './domain/work';
import { OutboundDispatcher } from './gateways/outbound';
import type { DeliveryReceipt } from './gateways/gateway';
import { openGateways } from './gateways/registry';
import { createSimulatorGateway } from './gateways/simulator-gateway';
import { twilioInboundPath, twilioRoutes } from './gateways/twilio/inbound-routes';
import { recordReceipt } from './delivery/record';
import { simulatorDeliveryRoutes } from './http/simulator-delivery-routes';
import { authRoutes } from './http/auth-routes';
import { withMediaRoute } from './http/media-routes';
import { guardRequests } from './http/request-guard';
import { requestTrust } from './http/request-trust';
import { createRequestListener, type Route } from './http/router';
import { limitSockets } from './http/socket-limits';
import { InboundCapacity, underCapacity } from './http/inbound-capacity';
import { responsesRoutes } from './http/responses-routes';
import { simulatorToken, withSimulatorToken } from './http/simulator-access';
import { simulatorRoutes } from './http/simulator-routes';
import { privacyRoute } from './http/privacy-route';
import { staticRoutes } from './http/static-routes';
import { registerRoutingDeadlines, withdrawOffersOfAbsentAgents } from './routing/deadlines';
import { responseWarnings } from './responses/library';
import { registerAbsenceDeadlines } from './routing/requeue';
import { Presence } from './routing/presence';
import { Scheduler } from './timers/scheduler';
import { ConnectionHub } from './ws/hub';
import { attachAgentSockets } from './ws/server';

/** Routes where a carrier hands over customers' texts. */
const INBOUND_PATHS = ['/api/simulator/messages'];

export interface ServerOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 8787; 0 = pick a free port
  dataDir?: string; // PGlite directory; 'memory://' for in-memory (tests); default './data'
  config?: TextoConfig; // parsed configuration; default: loaded from configPath
  configPath?: string; // default: $CONFIG or config/demo.yaml
  /** Reload the configuration file when it changes (`npm run server`, `npm start`); SIGHUP is the caller's. */
  watchConfig?: boolean;
  log?: (line: string) => void;
  /** false: the embedded database without fsync (today's PGlite default) — only for the durability benchmark's baseline. */
  durable?: boolean;
  /**
   * Runs once the database is migrated and loaded with the configuration, before the server
   * listens: benchmarks and tests seed bulk data here, or keep the handle to look rows up.
   */
  onDatabase?: (db: Db) => Promise<void> | void;
  /** Where gateway secrets are read (the variables the configuration names); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The configuration file loaded (absent when the caller passed a parsed `config`). */
  configPath: string | undefined;
  /** The running configuration (a reload replaces it). */
  currentConfig(): TextoConfig;
  /** Re-reads `configPath`: applies a valid file live, refuses an invalid one and keeps the running one. */
  reloadConfig(why: string): Promise<ReloadOutcome>;
  close(): Promise<void>;
}

/**
 * Starts the reference interaction server: HTTP and WebSocket on one port, PGlite storage
 * (migrated and loaded with the configuration), routing and stored timers.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const configPath = options.config ? options.configPath : (options.configPath ?? process.env.CONFIG ?? DEMO_CONFIG_PATH);
  const config = options.config ?? loadConfigFile(configPath!);
  const host = options.host ?? config.server.host;
  // Secrets first: a missing one stops the start before anything opens.
  let receipts: (receipt: DeliveryReceipt) => Promise<void> = async () => {};
  const simulatorGateway = createSimulatorGateway(config.simulator.multipart, (receipt) => receipts(receipt));
  const gateways = openGateways(config, options.env ?? process.env, simulatorGateway);
  await refuseDemoPasswordsBeyondLoopback(host, config);
  const simulatorApiToken = simulatorToken(config, host, options.env ?? process.env);

  const db = await openPglite(options.dataDir ?? './data', { durable: options.durable ?? true });
  const cleanup: (() => Promise<void> | void)[] = [() => db.close()];
  const closeAll = async () => {
    for (const step of cleanup.reverse()) await step();
  };
  try {
    await migrate(db, log);
    await syncConfig(db, config);
    await options.onDatabase?.(db);
    const media = await openMediaFiles(options.dataDir ?? './data', config.media);
    cleanup.push(() => media.close());

    const scheduler = new Scheduler(db, log);
    simulatorGateway.open(db);
    cleanup.push(() => simulatorGateway.close());
    const outbound = new OutboundDispatcher(db, (number) => gateways.forNumber(number), log);
    for (const warning of responseWarnings(config)) log(`configuration: ${warning}`);
    // The grace timers fire long after `context` below is set.
    const presence = new Presence(config.routing.presenceGraceSeconds * 1000, () => {
      withdrawOffersOfAbsentAgents(context).catch((error: unknown) => log(`presence: ${String(error)}`));
    });
    const context: ServerContext = { db, config, log, presence, hub: new ConnectionHub(), scheduler, outbound, media };
    cleanup.push(() => outbound.close(), () => scheduler.close(), () => presence.close());

    receipts = async (receipt) => {
      await runWork(context, (work) => recordReceipt(work, receipt)).catch((error: unknown) => log(`delivery: ${String(error)}`));
    };
    registerRoutingDeadlines(context);
    registerCallbackDeadlines(context);
    registerAbsenceDeadlines(context);
    registerSessionDeadlines(context);
    await registerHousekeeping(context);

    // Carriers' inbound routes share one bound: past it, 503 with Retry-After.
    const inbound = new InboundCapacity(config.server.maxInboundInFlight);
    const routes: Route[] = [
      ...authRoutes(context),
      ...responsesRoutes(context),
      privacyRoute(),
      ...underCapacity(
        gateways.twilioAccounts.flatMap((account) => twilioRoutes(context, account)),
        gateways.twilioAccounts.map(twilioInboundPath),
        inbound,
      ),
      ...(config.simulator.enabled
        ? [
            ...withSimulatorToken([...underCapacity(simulatorRoutes(context), INBOUND_PATHS, inbound), ...simulatorDeliveryRoutes(context)], simulatorApiToken),
            ...staticRoutes(),
          ]
        : []),
    ];
    // Checked every second (Node's default is 30 s) so a stalled request meets its timeout on time.
    const trust = () => requestTrust(context.config);
    const listener = guardRequests(trust, withMediaRoute(context, createRequestListener(routes, trust, log)));
    const server = createServer({ connectionsCheckingInterval: 1000 }, listener);
    limitSockets(server, config.server, log);
    const sockets = attachAgentSockets(server, context);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? config.server.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => log(`http: ${error.message}`));
    cleanup.push(async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await sockets.close();
      server.closeAllConnections();
      await closed;
    });

    scheduler.start((body) => runWork(context, body));
    void outbound.start((body) => runWork(context, body));

    const reloader = configPath ? createConfigReloader(context, configPath, host) : undefined;
    if (reloader && options.watchConfig) {
      const watcher = watchConfigFile(configPath!, () => void reloader.reload('the file changed').catch((error: unknown) => log(`configuration: reload failed: ${String(error)}`)), log);
      cleanup.push(() => watcher.close());
    }

    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      configPath,
      currentConfig: () => context.config,
      reloadConfig: (why) => reloader?.reload(why) ?? Promise.resolve({ ok: false, problems: ['the server was started without a configuration file'] }),
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
