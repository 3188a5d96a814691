import type { AgentPresence, TargetList } from '../../lib/protocol';
import { isPresent } from '../domain/agents';
import { searchTargets, type Searchable } from '../domain/directory-search';
import { recentTargets } from '../domain/recent-targets';
import type { Work } from '../domain/work';

/** Offline, busy (at capacity), or the agent's own Ready / Not Ready. */
export function presenceOf(work: Work, agent: { id: string; status: 'ready' | 'not_ready'; load: number; capacity: number }): AgentPresence {
  if (!isPresent(work, agent.id)) return 'offline';
  if (agent.load >= agent.capacity) return 'busy';
  return agent.status;
}

/**
 * Team Communicator: the agents (but oneself) and queues matching `query`, with presence. Asked
 * on every keystroke, so who exists (names, queues, extensions) comes from the configuration in
 * memory, and only what changes (Ready agents, loads) from the database: reading every agent row
 * from PGlite costs ~10 ms at 1,000 agents (bench/team-search.ts).
 */
export async function listTargets(work: Work, agentId: string, query: string): Promise<TargetList> {
  const { config } = work.ctx;
  const ready = new Set(
    (await work.tx.query<{ id: string }>(`SELECT id FROM agents WHERE active AND status = 'ready'`)).map((r) => r.id),
  );
  const loads = new Map(
    (
      await work.tx.query<{ agent_id: string; n: unknown }>(
        `SELECT agent_id, count(*) AS n FROM (
           SELECT agent_id FROM interactions WHERE state = 'assigned'
           UNION ALL SELECT agent_id FROM offers WHERE state = 'pending') busy
         GROUP BY agent_id`,
      )
    ).map((r) => [r.agent_id, Number(r.n)]),
  );
  const recents = await recentTargets(work.tx, agentId);

  const agents = config.agents
    .map((a) => ({ ...a, id: a.id ?? a.username }))
    .filter((a) => a.id !== agentId)
    .map((a) => ({ ...a, presence: presenceOf(work, { id: a.id, status: ready.has(a.id) ? 'ready' : 'not_ready', load: loads.get(a.id) ?? 0, capacity: a.capacity }) }));
  const readyPerQueue = new Map<string, number>();
  for (const agent of agents) {
    if (agent.presence === 'ready') for (const queue of agent.queues) readyPerQueue.set(queue, (readyPerQueue.get(queue) ?? 0) + 1);
  }
  const targets: Searchable[] = [
    ...agents.map(
      (agent): Searchable => ({
        kind: 'agent',
        agentId: agent.id,
        name: agent.name,
        presence: agent.presence,
        ...(agent.extension ? { extension: agent.extension } : {}),
        recent: false,
        keywords: `${agent.name} ${agent.username}`,
      }),
    ),
    ...config.queues.map(
      (queue): Searchable => ({
        kind: 'queue',
        queue: queue.name,
        ...(queue.description ? { description: queue.description } : {}),
        readyAgents: readyPerQueue.get(queue.name) ?? 0,
        recent: false,
        keywords: `${queue.name} ${queue.description ?? ''}`,
      }),
    ),
  ];
  return { targets: searchTargets(targets, query, recents) };
}
