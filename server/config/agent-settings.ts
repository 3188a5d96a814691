import type { AgentSettings } from '../../lib/protocol';
import type { TextoConfig } from './schema';

/** The settings the configuration gives one agent, as sent in `welcome`. */
export function agentSettings(config: TextoConfig, agentId: string): AgentSettings {
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  const dialer = config.dialer ?? { kind: 'tel' };
  return {
    permissions: agent?.permissions ?? [],
    dialer: dialer.kind === 'sip' && dialer.domain === undefined ? { kind: 'sip' } : dialer,
    email: config.email ?? { kind: 'mailto' },
  };
}
