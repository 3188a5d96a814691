import type { AgentSettings, Permission } from '../../lib/protocol';
import { responseLibrary } from '../responses/library';
import type { TextoConfig } from './schema';

/** The settings the configuration gives one agent, as sent in `welcome`. */
export function agentSettings(config: TextoConfig, agentId: string): AgentSettings {
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  const { dispositions, caseData } = config;
  const dialer = config.dialer ?? { kind: 'tel' };
  const library = responseLibrary(config);
  return {
    permissions: agent?.permissions ?? [],
    dispositions: {
      codes: dispositions.codes.map((c) => ({ code: c.code, label: c.label, ...(c.queues ? { queues: c.queues } : {}) })),
      required: dispositions.required,
      requiredQueues: dispositions.requiredQueues,
    },
    caseData: { editable: caseData.editable, labels: caseData.labels },
    dialer: dialer.kind === 'sip' && dialer.domain === undefined ? { kind: 'sip' } : dialer,
    email: config.email ?? { kind: 'mailto' },
    compose: config.compose,
    standardResponses: { version: library.version, count: library.responses.length },
    newSms: {
      numbers: config.numbers
        .filter((n) => (agent?.newSmsNumbers ?? []).includes(n.number))
        .map((n) => ({ number: n.number, mode: n.mode, region: n.region })),
    },
  };
}

/** Whether the configuration gives this agent `permission` (the server's check; the panel only hides). */
export function agentMay(config: TextoConfig, agentId: string, permission: Permission): boolean {
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  return agent?.permissions.includes(permission) ?? false;
}
