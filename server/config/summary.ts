import type { CentreNumberConfig, TextoConfig } from './schema';

/** A number's gateway as written (the `gateway` setting where the schema has it), else the simulator. */
export function gatewayOf(number: CentreNumberConfig): string {
  const gateway = (number as { gateway?: unknown }).gateway;
  if (typeof gateway === 'string') return gateway;
  if (typeof gateway === 'object' && gateway !== null) {
    const { type, kind } = gateway as { type?: unknown; kind?: unknown };
    if (typeof type === 'string') return type;
    if (typeof kind === 'string') return kind;
  }
  return 'simulator';
}

const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(', '));

/** What a configuration defines, on one screen: agents, queues, numbers with mode and gateway. */
export function configSummary(config: TextoConfig): string[] {
  const lines = [`Agents (${config.agents.length}):`];
  for (const agent of config.agents) {
    lines.push(`  ${agent.username.padEnd(16)} ${agent.name} — capacity ${agent.capacity}, queues ${list(agent.queues)}`);
  }
  lines.push(`Queues (${config.queues.length}):`);
  for (const queue of config.queues) {
    const agents = config.agents.filter((a) => a.queues.includes(queue.name)).length;
    const numbers = config.numbers.filter((n) => n.queue === queue.name).map((n) => n.number);
    lines.push(`  ${queue.name.padEnd(16)} ${agents} agent${agents === 1 ? '' : 's'}, numbers ${list(numbers)}`);
  }
  lines.push(`Numbers (${config.numbers.length}):`);
  for (const number of config.numbers) {
    lines.push(`  ${number.number.padEnd(16)} ${number.mode.padEnd(8)} queue ${number.queue}, gateway ${gatewayOf(number)}`);
  }
  return lines;
}
