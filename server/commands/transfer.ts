import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../lib/protocol';
import { agentLoads, isPresent } from '../domain/agents';
import { DomainError } from '../domain/errors';
import { myOpenInteraction } from '../domain/ownership';
import { recordRecentTarget } from '../domain/recent-targets';
import { nextQueueAgent, offerTransfer, publishStatus, statusOf, type TransferRow } from '../domain/transfer';
import type { Work } from '../domain/work';

/** The agent a direct transfer may go to, or why not (said so the sender can pick someone else). */
async function checkAgentTarget(work: Work, senderId: string, targetId: string): Promise<void> {
  if (targetId === senderId) throw new DomainError('bad_request', 'You cannot transfer an interaction to yourself.');
  const [target] = await agentLoads(work.tx, [targetId]);
  if (!target?.active) throw new DomainError('not_found', `There is no agent ${targetId}.`);
  if (!isPresent(work, target.id)) throw new DomainError('conflict', `${target.name} is offline. Choose someone else.`);
  if (target.load >= target.capacity) {
    throw new DomainError('conflict', `${target.name} is busy: they already handle as many interactions as they can. Choose someone else.`);
  }
}

/**
 * Instant SMS transfer: the target gets an offer with the transcript so far; the sender keeps
 * the interaction (and may go on replying) until someone accepts. A queue with nobody Ready is
 * refused at once.
 */
export async function transferInteraction(work: Work, agentId: string, command: CommandOf<'transfer'>): Promise<{ transferId: string }> {
  const interaction = await myOpenInteraction(work, agentId, command.interactionId);
  const [pending] = await work.tx.query<{ id: string }>(`SELECT id FROM transfers WHERE interaction_id = $1 AND state = 'pending'`, [
    interaction.id,
  ]);
  if (pending) throw new DomainError('conflict', 'A transfer of this interaction is already waiting for an answer.');

  const { target } = command;
  let firstAgent: string;
  if (target.kind === 'agent') {
    await checkAgentTarget(work, agentId, target.agentId);
    firstAgent = target.agentId;
  } else {
    const [queue] = await work.tx.query('SELECT 1 FROM queues WHERE name = $1', [target.queue]);
    if (!queue) throw new DomainError('not_found', `There is no queue ${target.queue}.`);
    const next = await nextQueueAgent(work, target.queue, [agentId]);
    if (!next) throw new DomainError('conflict', `Nobody in the queue ${target.queue} is Ready to take it. You keep the interaction.`);
    firstAgent = next;
  }

  const transfer: TransferRow = {
    id: randomUUID(),
    interaction_id: interaction.id,
    from_agent: agentId,
    target_kind: target.kind,
    target: target.kind === 'agent' ? target.agentId : target.queue,
    state: 'pending',
  };
  await work.tx.query(
    `INSERT INTO transfers (id, interaction_id, from_agent, target_kind, target, state, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)`,
    [transfer.id, transfer.interaction_id, agentId, transfer.target_kind, transfer.target, work.now],
  );
  await recordRecentTarget(work, agentId, transfer.target_kind, transfer.target);
  await publishStatus(work, transfer, await statusOf(work, transfer, 'pending'));
  await offerTransfer(work, transfer, firstAgent);
  return { transferId: transfer.id };
}
