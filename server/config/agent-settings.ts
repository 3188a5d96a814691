import type { AgentSettings } from '../../lib/protocol';
import type { TextoConfig } from './schema';

/** The settings the configuration gives one agent, as sent in `welcome`. */
export function agentSettings(config: TextoConfig, agentId: string): AgentSettings {
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  return { permissions: agent?.permissions ?? [] };
}
