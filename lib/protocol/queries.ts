import * as v from 'valibot';
import { ContactCard, Id, TranscriptEntry } from './domain';
import { ContactHistory, HISTORY_PAGE_MAX } from './history';

/**
 * Agent→server reads. Unlike commands they change nothing, so they are neither stored nor
 * retried from the outbox: a `query` frame with a client-made id gets one `result` (or `error`)
 * frame with that id, and a query made while offline fails at once (the panel reads its cache).
 */
export const Query = v.variant('query', [
  v.object({
    query: v.literal('contactHistory'),
    contactId: Id,
    /** Searches transcripts, notes, dispositions and activity targets. */
    text: v.optional(v.pipe(v.string(), v.maxLength(200, 'the search text is longer than 200 characters'))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(HISTORY_PAGE_MAX))),
  }),
  v.object({ query: v.literal('historyTranscript'), interactionId: Id }),
  v.object({
    query: v.literal('searchContacts'),
    text: v.pipe(v.string(), v.trim(), v.minLength(1, 'type part of a name, number or address'), v.maxLength(100)),
  }),
]);
export type Query = v.InferOutput<typeof Query>;
export type QueryName = Query['query'];

export const QueryResult = v.variant('query', [
  v.object({ query: v.literal('contactHistory'), history: ContactHistory }),
  v.object({ query: v.literal('historyTranscript'), interactionId: Id, transcript: v.array(TranscriptEntry) }),
  v.object({ query: v.literal('searchContacts'), contacts: v.array(ContactCard) }),
]);
export type QueryResult = v.InferOutput<typeof QueryResult>;
export type QueryResultOf<N extends QueryName> = Extract<QueryResult, { query: N }>;
