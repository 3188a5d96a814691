import { agentRef } from '../domain/agents';
import { DomainError } from '../domain/errors';
import { myOpenInteraction } from '../domain/ownership';
import type { Work } from '../domain/work';
import { changeConsent } from './state';

/** The agent records, with one click, that the customer refuses texts (a message that only looked like STOP). */
export async function recordOptOut(work: Work, agentId: string, interactionId: string): Promise<void> {
  const interaction = await myOpenInteraction(work, agentId, interactionId);
  const line = await changeConsent(work, {
    phone: interaction.customer_phone,
    centreNumber: interaction.centre_number,
    optedOut: true,
    via: 'agent',
    agent: await agentRef(work.tx, agentId),
    interactionId,
  });
  if (!line) throw new DomainError('conflict', 'This customer has already refused texts: there is nothing more to record.');
}
