import type { CommandOf } from '../../lib/protocol';
import { typedNumberToE164 } from '../../lib/sms/typed-number';
import { sendingHoursOf } from '../config/consent-schema';
import { requireConsent } from '../consent/state';
import { contactForPhone } from '../contacts/cards';
import { replyToCustomer } from '../commands/handling';
import { agentRef } from '../domain/agents';
import { requireChannel } from '../domain/channels';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { createInteraction, loadInteraction, lockInteraction } from '../domain/interactions';
import { armInactivity } from '../domain/session';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { initialCaseData } from '../wrapup/case-data';
import { outsideSendingHours } from './sending-hours';

/**
 * New SMS: checks, in this order, that the agent may use the number, that the typed number is a
 * phone number, that the customer accepts texts; then joins the agent's open interaction with that
 * customer on that number (one thread per customer), or — within the number's sending hours —
 * opens one in the number's mode, assigned to the agent, with the first text. A page-mode
 * interaction started this way stays open for the customer's answer, which comes back to it.
 */
export async function startNewSms(work: Work, agentId: string, command: CommandOf<'newSms'>): Promise<{ interactionId: string; entryId: string; joined: boolean }> {
  const { config } = work.ctx;
  const agent = config.agents.find((a) => (a.id ?? a.username) === agentId);
  const number = config.numbers.find((n) => n.number === command.centreNumber);
  if (!number || !(agent?.newSmsNumbers ?? []).includes(number.number)) {
    throw new DomainError('forbidden', `You may not start conversations from ${command.centreNumber}; an administrator can add it to your newSmsNumbers.`);
  }
  const phone = typedNumberToE164(command.phone, number.region);
  if (!phone) throw new DomainError('bad_request', `"${command.phone}" is not a valid phone number (read as a ${number.region} number). Check the digits, or type it with its country code (+…).`);
  if (phone === number.number) throw new DomainError('bad_request', `${phone} is the contact centre's own number.`);
  await requireConsent(work.tx, phone, number.number);

  const [open] = await work.tx.query<{ id: string; state: string; agent_id: string | null }>(
    `SELECT id, state, agent_id FROM interactions WHERE customer_phone = $1 AND centre_number = $2 AND state <> 'closed'
     ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [phone, number.number],
  );
  if (open) {
    if (open.state !== 'assigned' || open.agent_id !== agentId) {
      const who = open.state === 'assigned' ? 'a colleague is handling it' : 'it is waiting for an agent';
      throw new DomainError('conflict', `${phone} already has an open conversation on ${number.number} (${who}): one thread per customer, so write there instead.`);
    }
    const sent = await replyToCustomer(work, agentId, open.id, command.text);
    return { interactionId: open.id, entryId: sent.entryId, joined: true };
  }

  const outside = outsideSendingHours(sendingHoursOf(number), work.now);
  if (outside) throw new DomainError('conflict', outside);
  await requireChannel(work.tx, 'sms', 'the text was not sent');
  const contactId = await contactForPhone(work, phone);
  const interactionId = await createInteraction(work, {
    mode: number.mode,
    channel: 'sms',
    customerPhone: phone,
    centreNumber: number.number,
    queue: number.queue,
    contactId,
    caseData: initialCaseData(config, number.number, undefined),
  });
  await work.tx.query(`UPDATE interactions SET state = 'assigned', agent_id = $2, accepted_at = $3 WHERE id = $1`, [interactionId, agentId, work.now]);
  await appendSystemEntry(work, interactionId, 'agent_joined', { name: (await agentRef(work.tx, agentId)).name });
  await armInactivity(work, await lockInteraction(work, interactionId));
  await appendEvent(work, agentId, { type: 'interactionAssigned', interaction: await loadInteraction(work.tx, interactionId) });
  // The first text is not a reply that completes a page: the conversation waits for the answer.
  const sent = await replyToCustomer(work, agentId, interactionId, command.text, { keepOpen: true });
  return { interactionId, entryId: sent.entryId, joined: false };
}
