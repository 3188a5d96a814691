import type { AgentClient } from './agent';
import { textCentre } from './simulator';

/** A customer texts `to`; the (Ready) agent accepts the offer. Returns the interaction id. */
export async function takeInteraction(base: string, agent: AgentClient, from: string, to: string, text: string): Promise<string> {
  const { interactionId } = await textCentre(base, from, to, text);
  await agent.waitForOffer(interactionId);
  await agent.ok({ name: 'accept', interactionId });
  return interactionId;
}

/** The agent's open interaction `id` as its desktop shows it now. */
export function shown(agent: AgentClient, id: string) {
  const interaction = agent.state?.interactions.find((i) => i.id === id);
  if (!interaction) throw new Error(`interaction ${id} is not on ${agent.agentId}'s desk`);
  return interaction;
}
