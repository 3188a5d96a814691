import type { AgentPresence, TargetList } from '../../lib/protocol';
import { agentLoads, isPresent, type AgentLoad } from '../domain/agents';
import { searchTargets, type Searchable } from '../domain/directory-search';
import { recentTargets } from '../domain/recent-targets';
import type { Work } from '../domain/work';

/** Offline, busy (at capacity), or the agent's own Ready / Not Ready. */
export function presenceOf(work: Work, agent: AgentLoad): AgentPresence {
  if (!isPresent(work, agent.id)) return 'offline';
  if (agent.load >= agent.capacity) return 'busy';
  return agent.status;
}

/** Team Communicator: the agents (but oneself) and queues matching `query`, with presence. */
export async function listTargets(work: Work, agentId: string, query: string): Promise<TargetList> {
  const agents = (await agentLoads(work.tx)).filter((a) => a.id !== agentId);
  // One transaction: its queries run one after the other.
  const usernames = await work.tx.query<{ id: string; username: string }>('SELECT id, username FROM agents WHERE active');
  const queues = await work.tx.query<{ name: string; description: string | null }>('SELECT name, description FROM queues ORDER BY name');
  const memberships = await work.tx.query<{ agent_id: string; queue: string }>('SELECT agent_id, queue FROM agent_queues');
  const recents = await recentTargets(work.tx, agentId);
  const extensions = new Map(work.ctx.config.agents.map((a) => [a.id ?? a.username, a.extension]));
  const presence = new Map(agents.map((a) => [a.id, presenceOf(work, a)]));
  const targets: Searchable[] = [
    ...agents.map((agent): Searchable => {
      const extension = extensions.get(agent.id);
      const username = usernames.find((u) => u.id === agent.id)?.username ?? '';
      return {
        kind: 'agent',
        agentId: agent.id,
        name: agent.name,
        presence: presence.get(agent.id) ?? 'offline',
        ...(extension ? { extension } : {}),
        recent: false,
        keywords: `${agent.name} ${username}`,
      };
    }),
    ...queues.map((queue): Searchable => ({
      kind: 'queue',
      queue: queue.name,
      ...(queue.description ? { description: queue.description } : {}),
      readyAgents: memberships.filter((m) => m.queue === queue.name && presence.get(m.agent_id) === 'ready').length,
      recent: false,
      keywords: `${queue.name} ${queue.description ?? ''}`,
    })),
  ];
  return { targets: searchTargets(targets, query, recents) };
}
