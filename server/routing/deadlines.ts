import type { ServerContext } from '../context';
import { runWork } from '../domain/work';
import { expireOffer, OFFER_EXPIRY, withdrawOffersOf } from './offers';
import { ROUTING_RETRY, routeWaiting } from './route';

/** Routing's stored timers: offers that expire, and interactions held back by recent declines. */
export function registerRoutingDeadlines(ctx: ServerContext): void {
  ctx.scheduler.registerDeadlineKind(OFFER_EXPIRY, async (work, offerId) => {
    if (await expireOffer(work, offerId)) await routeWaiting(work);
  });
  ctx.scheduler.registerDeadlineKind(ROUTING_RETRY, (work) => routeWaiting(work));
}

/** Takes back the offers of agents whose connection grace is over, and offers them to others. */
export async function withdrawOffersOfAbsentAgents(ctx: ServerContext): Promise<void> {
  await runWork(ctx, async (work) => {
    const holders = await work.tx.query<{ agent_id: string }>(`SELECT DISTINCT agent_id FROM offers WHERE state = 'pending'`);
    let withdrawn = 0;
    for (const { agent_id } of holders) {
      if (!ctx.presence.mayKeepOffers(agent_id, work.now)) withdrawn += await withdrawOffersOf(work, agent_id);
    }
    if (withdrawn > 0) await routeWaiting(work);
  });
}
