import type { AgentStatus } from '../../lib/protocol';
import { appendEvent } from '../domain/events';
import type { Work } from '../domain/work';
import { withdrawOffersOf } from '../routing/offers';
import { routeWaiting } from '../routing/route';

/**
 * Ready makes the agent routable at once; Not Ready takes back its pending offers, which go to
 * someone else. Setting the status it already has changes nothing and announces nothing.
 */
export async function setAgentStatus(work: Work, agentId: string, status: AgentStatus): Promise<void> {
  const changed = await work.tx.query('UPDATE agents SET status = $2 WHERE id = $1 AND status <> $2 RETURNING 1', [agentId, status]);
  if (changed.length > 0) await appendEvent(work, agentId, { type: 'statusChanged', status });
  if (status === 'not_ready') await withdrawOffersOf(work, agentId);
  await routeWaiting(work);
}
