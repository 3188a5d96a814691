import type { AgentSettings } from '../../lib/protocol';
import { responseLibrary } from '../responses/library';
import type { TextoConfig } from './schema';

/** The settings the configuration gives one agent, as sent in `welcome`. */
export function agentSettings(config: TextoConfig, agentId: string): AgentSettings {
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  const library = responseLibrary(config);
  return {
    permissions: agent?.permissions ?? [],
    compose: config.compose,
    standardResponses: { version: library.version, count: library.responses.length },
  };
}
