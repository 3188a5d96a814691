/**
 * Team Communicator searches as the agent types: each keystroke (after a 150 ms pause) is one
 * `listTargets` command over the agent's WebSocket. This measures its round trip on the real
 * server (PGlite in memory, 127.0.0.1) for a contact centre of 50 and of 1,000 agents (20 queues),
 * with an empty search (the whole directory) and a two-letter one, against the round trip of a
 * `ping` on the same socket measured in the same run (the cheapest frame the server answers).
 *
 * `npm run bench -- team-search` (BENCH_SEARCHES=… to change the count per case).
 */
import { performance } from 'node:perf_hooks';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile, type TextoConfig } from '../server/config';
import { AgentClient } from '../tests/integration/helpers/agent';
import { ms, percentile } from './stats';

const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const WARMUP = 20;
const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Emma', 'Jules', 'Manon', 'Lucas', 'Inès', 'Nathan'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia'];

function centreOf(agents: number): TextoConfig {
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  const template = config.agents[0]!;
  config.queues = Array.from({ length: 20 }, (_, q) => ({ name: `queue-${q}`, description: `Queue ${q}` }));
  config.numbers = config.numbers.map((n) => ({ ...n, queue: 'queue-0' }));
  config.agents = Array.from({ length: agents }, (_, i) => ({
    ...template,
    id: undefined,
    username: i === 0 ? 'alice' : `agent-${i}`,
    name: `${FIRST_NAMES[i % 10]} ${LAST_NAMES[Math.floor(i / 10) % 10]} ${i}`,
    queues: [`queue-${i % 20}`, `queue-${(i * 7 + 3) % 20}`],
    extension: String(1000 + i),
  }));
  return config;
}

async function timed(samples: number[], action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  samples.push(performance.now() - start);
}

async function measure(agent: AgentClient, query: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SEARCHES + WARMUP; i++) {
    const into = i < WARMUP ? [] : samples;
    await timed(into, () => agent.ok({ name: 'listTargets', query }));
  }
  return samples;
}

async function pings(agent: AgentClient): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SEARCHES + WARMUP; i++) {
    const into = i < WARMUP ? [] : samples;
    await timed(into, async () => {
      const mark = agent.socket.mark();
      agent.socket.send({ type: 'ping' });
      await agent.socket.waitForFrame((f) => f.type === 'pong', mark);
    });
  }
  return samples;
}

export async function run(): Promise<void> {
  for (const size of [50, 1000]) {
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config: centreOf(size), log: () => {} });
    const agent = await AgentClient.connect(server.url, 'alice');
    const ping = await pings(agent);
    const pingMedian = percentile(ping, 50);
    console.log(`${size} agents, 20 queues — ping round trip: median ${ms(pingMedian)}, p99 ${ms(percentile(ping, 99))}`);
    for (const query of ['', 'du']) {
      const samples = await measure(agent, query);
      const median = percentile(samples, 50);
      console.log(
        `  listTargets "${query}": median ${ms(median)}, p99 ${ms(percentile(samples, 99))} (${(median / pingMedian).toFixed(1)}× a ping), ${SEARCHES} runs`,
      );
    }
    agent.close();
    await server.close();
  }
}
