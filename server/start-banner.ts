import path from 'node:path';
import { agentsWithDemoPassword, DEMO_PASSWORD } from './auth/demo-guard';
import type { RunningServer } from './app';

function simulatorLine(server: RunningServer): string {
  const { enabled, tokenEnv } = server.currentConfig().simulator;
  if (!enabled) return 'off (simulator.enabled in the configuration)';
  return tokenEnv ? `${server.url}/simulator   (asks for the token in $${tokenEnv})` : `${server.url}/simulator`;
}

/**
 * What `npm start` and `npm run server` print once listening: the configuration file loaded, the
 * address to type in the panel's Server field, and the agents that file defines (with the demo
 * password only where an agent still has it).
 */
export async function startBanner(server: RunningServer): Promise<string[]> {
  const config = server.currentConfig();
  const demo = new Set(await agentsWithDemoPassword(config));
  const width = Math.max(...config.agents.map((a) => a.username.length), 8);
  const agents = config.agents.map(
    (a) => `    ${a.username.padEnd(width)}  ${a.name}${demo.has(a.username) ? `  (password ${DEMO_PASSWORD}, demo only)` : ''}`,
  );
  return [
    `  Configuration:   ${server.configPath ? path.resolve(server.configPath) : '(given in code)'} (saving it reloads it; so does kill -HUP ${process.pid})`,
    `  Server:          ${server.url}   ← type this in the side panel's "Server" field`,
    `  Phone simulator: ${simulatorLine(server)}`,
    `  Agents (${config.agents.length}):${config.agents.length === 0 ? ' none — add some under agents: in the configuration' : ''}`,
    ...agents,
  ];
}
