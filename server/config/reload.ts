import { CloseCode, SignedOutReason } from '../../lib/protocol';
import { refuseDemoPasswordsBeyondLoopback } from '../auth/demo-guard';
import type { ServerContext } from '../context';
import { runWork } from '../domain/work';
import { routeWaiting } from '../routing/route';
import { configChanges } from './changes';
import { checkConfigFile } from './load';
import { syncConfig } from './sync';

export type ReloadOutcome = { ok: true; changes: string[] } | { ok: false; problems: string[] };

/**
 * Re-reads the configuration file into the running server (SIGHUP, the file changed). An invalid
 * file is refused with its problems and the running configuration stays. A valid one is written to
 * the database, then replaces `ctx.config`; connected agents get their new settings on the socket
 * they have, removed agents and agents whose password changed are signed out with the reason, and
 * routing runs at once (new queues, numbers, agents' queues). Reloads run one at a time.
 */
export function createConfigReloader(ctx: ServerContext, path: string, host: string) {
  let running: Promise<unknown> = Promise.resolve();

  async function reloadNow(why: string): Promise<ReloadOutcome> {
    const checked = checkConfigFile(path);
    let problems = checked.ok ? [] : checked.problems;
    if (checked.ok) {
      try {
        await refuseDemoPasswordsBeyondLoopback(host, checked.config);
      } catch (error) {
        problems = [(error as Error).message];
      }
    }
    if (!checked.ok || problems.length > 0) {
      ctx.log(`configuration: ${path} (${why}) refused, the running configuration stays: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}`);
      for (const problem of problems) ctx.log(`  ${problem}`);
      return { ok: false, problems };
    }
    const next = checked.config;
    const changes = configChanges(ctx.config, next);
    if (changes.lines.length === 0) {
      ctx.log(`configuration: ${path} (${why}) reloaded, nothing changed`);
      return { ok: true, changes: [] };
    }
    await syncConfig(ctx.db, next);
    ctx.config = next;
    ctx.log(`configuration: ${path} (${why}) reloaded: ${changes.lines.length} change${changes.lines.length === 1 ? '' : 's'}`);
    for (const line of changes.lines) ctx.log(`  ${line}`);
    if (changes.restartNeeded.length > 0) {
      ctx.log(`  (${[...new Set(changes.restartNeeded)].join(', ')}: read at start, applied at the next restart)`);
    }
    for (const id of changes.removedAgents) ctx.hub.closeAgent(id, CloseCode.signedOut, SignedOutReason.agentRemoved);
    for (const id of changes.passwordChanged) ctx.hub.closeAgent(id, CloseCode.signedOut, SignedOutReason.passwordChanged);
    for (const connection of ctx.hub.all()) connection.pushSettings();
    await runWork(ctx, routeWaiting);
    return { ok: true, changes: changes.lines };
  }

  return {
    reload(why: string): Promise<ReloadOutcome> {
      const next = running.then(() => reloadNow(why));
      running = next.catch(() => undefined);
      return next;
    },
  };
}
