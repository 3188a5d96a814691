import type { CommandOf } from '../../lib/protocol';
import { dispositionRequired, dispositionsFor } from '../../lib/wrapup/rules';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import type { InteractionRow } from '../domain/interactions';
import type { Work } from '../domain/work';
import { myAssignedInteraction } from './ownership';

/** Sets (or clears, with null) the interaction's disposition code, from the configured list. */
export async function setDisposition(work: Work, agentId: string, command: CommandOf<'setDisposition'>): Promise<void> {
  const interaction = await myAssignedInteraction(work, agentId, command.interactionId);
  if (command.code !== null) {
    const offered = dispositionsFor(work.ctx.config.dispositions, interaction.queue).map((d) => d.code);
    if (!offered.includes(command.code)) {
      throw new DomainError(
        'bad_request',
        offered.length === 0
          ? 'No disposition codes are configured for this interaction.'
          : `"${command.code.slice(0, 64)}" is not a disposition code here; choose one of: ${offered.join(', ')}.`,
      );
    }
  }
  await work.tx.query('UPDATE interactions SET disposition = $2 WHERE id = $1', [interaction.id, command.code]);
  await appendEvent(work, agentId, { type: 'interactionDetailsChanged', interactionId: interaction.id, disposition: command.code });
}

/**
 * Refuses to complete an interaction whose queue requires a disposition when none is chosen:
 * Mark Done, and a page-mode reply (which completes the interaction).
 */
export function requireDisposition(work: Work, interaction: InteractionRow, action: 'done' | 'reply'): void {
  if (interaction.disposition !== null || !dispositionRequired(work.ctx.config.dispositions, interaction.queue)) return;
  throw new DomainError(
    'conflict',
    action === 'done'
      ? 'Choose a disposition before marking this interaction done.'
      : 'Choose a disposition before sending: in page mode the reply completes the interaction.',
  );
}
