import { createHash } from 'node:crypto';
import type { Command, ServerFrame } from '../../lib/protocol';
import { recordOptOut } from '../consent/record-opt-out';
import { startNewSms } from '../new-sms/start';
import { resendReply } from '../delivery/resend';
import { dismissUndeliveredReply } from '../delivery/undelivered-replies';
import type { ServerContext } from '../context';
import { json } from '../db/db';
import { DomainError } from '../domain/errors';
import { runWork, type Work } from '../domain/work';
import { recordActivity } from './activity';
import { consultMessage, endConsultation, startConsultation } from './consultation';
import { listTargets } from './directory';
import { markDone, replyToCustomer } from './handling';
import { mediaLinks } from './media-links';
import { acceptOffer, rejectOffer } from './offer-answer';
import { setAgentStatus } from './status';
import { cancelCallback, moveCallback, scheduleCallback } from '../callbacks/schedule';
import { assignContact } from '../contacts/assign';
import { updateContact } from '../contacts/update';
import { mergeInteractions } from '../merge/merge';
import { setCaseData } from '../wrapup/case-data';
import { setDisposition } from '../wrapup/disposition';
import { setNote } from '../wrapup/note';
import { transferInteraction } from './transfer';

export type CommandAnswer = Extract<ServerFrame, { type: 'ok' | 'error' }>;

async function execute(work: Work, agentId: string, command: Command): Promise<Record<string, unknown> | undefined> {
  switch (command.name) {
    case 'setStatus':
      await setAgentStatus(work, agentId, command.status);
      return undefined;
    case 'accept':
      await acceptOffer(work, agentId, command.interactionId);
      return undefined;
    case 'reject':
      await rejectOffer(work, agentId, command.interactionId);
      return undefined;
    case 'reply':
      return replyToCustomer(work, agentId, command.interactionId, command.text);
    case 'resend':
      return resendReply(work, agentId, command.interactionId, command.entryId);
    case 'dismissUndeliveredReply':
      await dismissUndeliveredReply(work, agentId, command.interactionId, command.entryId);
      return undefined;
    case 'markDone':
      await markDone(work, agentId, command.interactionId);
      return undefined;
    case 'recordActivity':
      return recordActivity(work, agentId, command);
    case 'mediaLinks':
      return { ...(await mediaLinks(work, agentId, command.interactionId)) };
    case 'setNote':
      await setNote(work, agentId, command);
      return undefined;
    case 'setDisposition':
      await setDisposition(work, agentId, command);
      return undefined;
    case 'setCaseData':
      await setCaseData(work, agentId, command);
      return undefined;
    case 'updateContact':
      return updateContact(work, agentId, command);
    case 'assignContact':
      return assignContact(work, agentId, command);
    case 'scheduleCallback':
      return scheduleCallback(work, agentId, command);
    case 'moveCallback':
      await moveCallback(work, agentId, command);
      return undefined;
    case 'cancelCallback':
      await cancelCallback(work, agentId, command);
      return undefined;
    case 'mergeInteractions':
      await mergeInteractions(work, agentId, command);
      return undefined;
    case 'listTargets':
      return listTargets(work, agentId, command.query);
    case 'transfer':
      return transferInteraction(work, agentId, command);
    case 'startConsultation':
      return startConsultation(work, agentId, command);
    case 'consultMessage':
      return consultMessage(work, agentId, command);
    case 'endConsultation':
      await endConsultation(work, agentId, command);
      return undefined;
    case 'newSms':
      return startNewSms(work, agentId, command);
    case 'recordOptOut':
      await recordOptOut(work, agentId, command.interactionId);
      return undefined;
  }
}

/** Commands that change nothing: answered afresh each time, never stored (a search per keystroke). */
const READ_ONLY = new Set<Command['name']>(['listTargets']);

/** The command's body as stored with its id (validated output: keys in schema order, so stable). */
const fingerprintOf = (command: Command): string => createHash('sha256').update(JSON.stringify(command)).digest('base64url');

interface StoredCommand {
  response: CommandAnswer;
  fingerprint: string | null;
}

/** The stored answer to this id — or `conflict` when the id was used for another command. */
function answerAgain(stored: StoredCommand, id: string, fingerprint: string): CommandAnswer {
  if (stored.fingerprint === null || stored.fingerprint === fingerprint) return stored.response;
  return {
    type: 'error',
    id,
    code: 'conflict',
    message: `The command id "${id}" was already used for another command; send each new command with a new id.`,
  };
}

async function storedCommand(ctx: ServerContext, agentId: string, id: string): Promise<StoredCommand | undefined> {
  const [row] = await ctx.db.query<StoredCommand>('SELECT response, fingerprint FROM agent_commands WHERE agent_id = $1 AND command_id = $2', [
    agentId,
    id,
  ]);
  return row;
}

/**
 * Runs an agent's command once per id: the answer is stored with the id in the transaction of
 * the command's effect, and a retried id gets the stored answer without acting again. Refusals
 * (not_found, forbidden, conflict, unavailable) are stored too, so a retry hears the same thing.
 */
export async function runCommand(ctx: ServerContext, agentId: string, id: string, command: Command): Promise<CommandAnswer> {
  const fingerprint = fingerprintOf(command);
  try {
    return await runWork(ctx, async (work) => {
      const [stored] = await work.tx.query<StoredCommand>('SELECT response, fingerprint FROM agent_commands WHERE agent_id = $1 AND command_id = $2', [
        agentId,
        id,
      ]);
      if (stored) return answerAgain(stored, id, fingerprint);
      const result = await execute(work, agentId, command);
      const answer: CommandAnswer = result ? { type: 'ok', id, result } : { type: 'ok', id };
      if (READ_ONLY.has(command.name)) return answer;
      await work.tx.query('INSERT INTO agent_commands (agent_id, command_id, response, at, fingerprint) VALUES ($1, $2, $3::jsonb, $4, $5)', [
        agentId,
        id,
        json(answer),
        work.now,
        fingerprint,
      ]);
      return answer;
    });
  } catch (error) {
    if (!(error instanceof DomainError)) {
      ctx.log(`command ${command.name} ${id} of ${agentId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { type: 'error', id, code: 'internal', message: 'The server could not run this command (the error was logged). Try again.' };
    }
    const answer: CommandAnswer = { type: 'error', id, code: error.code, message: error.message };
    await ctx.db.query(
      `INSERT INTO agent_commands (agent_id, command_id, response, at, fingerprint) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (agent_id, command_id) DO NOTHING`,
      [agentId, id, json(answer), Date.now(), fingerprint],
    );
    const stored = await storedCommand(ctx, agentId, id);
    return stored ? answerAgain(stored, id, fingerprint) : answer;
  }
}
