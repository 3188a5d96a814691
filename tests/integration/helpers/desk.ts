import type { TextoConfig } from '../../../server/config';
import type { AgentClient } from './agent';
import { takeInteraction } from './contact-desk';
import { SESSION_NUMBER } from './server';
import { freshPhone } from './simulator';

/** A third demo agent (password "texto-demo"), for queues with more than one colleague. */
export function addCarol(config: TextoConfig): void {
  const bob = config.agents.find((a) => a.username === 'bob')!;
  config.agents.push({ ...bob, id: undefined, username: 'carol', name: 'Carol Petit', extension: '1003' });
}

/** A fresh customer texts `centre`; `agent` (Ready) gets the offer and accepts it. */
export async function acceptNewCustomer(base: string, agent: AgentClient, text: string, centre = SESSION_NUMBER) {
  const phone = freshPhone();
  const interactionId = await takeInteraction(base, agent, phone, centre, text);
  return { phone, interactionId };
}

/** The interaction as the agent's state holds it now. */
export function interactionOf(agent: AgentClient, interactionId: string) {
  return agent.state?.interactions.find((i) => i.id === interactionId);
}

/** What a transcript reads like, compactly: message texts and system codes with their params. */
export function transcriptLines(agent: AgentClient, interactionId: string): string[] {
  return (interactionOf(agent, interactionId)?.transcript ?? []).map((e) =>
    e.kind === 'message' ? e.text : `[${e.code}${Object.values(e.params).length ? ` ${Object.values(e.params).join(' → ')}` : ''}]`,
  );
}
