import type { ServerContext } from '../context';
import type { Queryable } from '../db/db';

/**
 * One transaction's worth of change, plus what must happen after it commits: waking the
 * connections of agents who got new events, re-arming the deadline timer, handing new replies to
 * the gateway. Effects run only after commit, so nothing is announced that was not stored.
 */
export interface Work {
  readonly tx: Queryable;
  readonly ctx: ServerContext;
  /** The transaction's clock: every row and event written by it carries this time. */
  readonly now: number;
  readonly agentsWithNewEvents: Set<string>;
  deadlinesChanged: boolean;
  outboundQueued: boolean;
}

export async function runWork<T>(ctx: ServerContext, body: (work: Work) => Promise<T>): Promise<T> {
  let work: Work | undefined;
  const result = await ctx.db.transaction((tx) => {
    work = {
      tx,
      ctx,
      now: Date.now(),
      agentsWithNewEvents: new Set(),
      deadlinesChanged: false,
      outboundQueued: false,
    };
    return body(work);
  });
  if (work) await applyEffects(work);
  return result;
}

async function applyEffects(work: Work): Promise<void> {
  const { ctx } = work;
  if (work.deadlinesChanged) ctx.scheduler.rearm();
  const deliveries = [...work.agentsWithNewEvents].map((agentId) => ctx.hub.notify(agentId));
  if (work.outboundQueued) deliveries.push(ctx.outbound.dispatch());
  await Promise.all(deliveries);
}
