import type { Query, QueryResult, ServerFrame } from '../../lib/protocol';
import { searchContacts } from '../contacts/search';
import type { ServerContext } from '../context';
import { DomainError } from '../domain/errors';
import { contactHistory } from '../history/contact-history';
import { historyTranscript } from '../history/transcript';
import { agentMay } from '../config/agent-settings';

export type QueryAnswer = Extract<ServerFrame, { type: 'result' | 'error' }>;

async function answer(ctx: ServerContext, agentId: string, query: Query): Promise<QueryResult> {
  switch (query.query) {
    case 'contactHistory':
      return contactHistory(ctx.db, ctx.config, agentId, query);
    case 'historyTranscript':
      return historyTranscript(ctx.db, agentId, query.interactionId);
    case 'searchContacts':
      // The contact directory is for the agents who attach interactions to contacts.
      if (!agentMay(ctx.config, agentId, 'contact.assign')) {
        throw new DomainError('forbidden', 'You are not allowed to search the contacts (ask for the contact.assign permission).');
      }
      return { query: 'searchContacts', contacts: await searchContacts(ctx.db, query.text) };
  }
}

/** Answers a read; nothing is stored, so a retry simply reads again. */
export async function runQuery(ctx: ServerContext, agentId: string, id: string, query: Query): Promise<QueryAnswer> {
  try {
    return { type: 'result', id, result: await answer(ctx, agentId, query) };
  } catch (error) {
    if (error instanceof DomainError) return { type: 'error', id, code: error.code, message: error.message };
    ctx.log(`query ${query.query} ${id} of ${agentId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { type: 'error', id, code: 'internal', message: 'The server could not answer (the error was logged). Try again.' };
  }
}
