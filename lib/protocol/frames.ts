import * as v from 'valibot';
import { Command } from './commands';
import { AgentProfile, AgentState, Id, Time } from './domain';
import { ErrorCode } from './errors';
import { AgentSettings } from './settings';
import { AgentEvent } from './events';
import { Query, QueryResult } from './queries';

/** An event's sequence number; past 2^53 a number is no longer exact (and PostgreSQL's bigint ends soon after). */
export const Seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER, 'a seq is at most 2^53 - 1'));

/** Agent→server frames. The first one must be `hello`. */
export const ClientFrame = v.variant('type', [
  v.object({ type: v.literal('hello'), protocolVersion: v.number(), token: v.pipe(v.string(), v.maxLength(200)) }),
  /** Replays every event after `lastSeq` (0: none applied yet, send a snapshot). */
  v.object({ type: v.literal('resume'), lastSeq: Seq }),
  v.object({ type: v.literal('ack'), seq: Seq }),
  v.object({ type: v.literal('ping') }),
  v.object({ type: v.literal('command'), id: Id, command: Command }),
  /** A read: answered by one `result` (or `error`) with the same id; not stored, not retried. */
  v.object({ type: v.literal('query'), id: Id, query: Query }),
]);
export type ClientFrame = v.InferOutput<typeof ClientFrame>;

export const ServerFrame = v.variant('type', [
  v.object({
    type: v.literal('welcome'),
    protocolVersion: v.number(),
    agent: AgentProfile,
    serverTime: Time,
    settings: AgentSettings,
    /** The agent's newest event seq at this moment. */
    seq: Seq,
  }),
  /** The configuration was reloaded: the agent's settings (and profile) as they are now. Not an event: no seq. */
  v.object({ type: v.literal('settings'), agent: AgentProfile, settings: AgentSettings }),
  /** The whole agent state as of `seq`; replaces whatever the client had. */
  v.object({ type: v.literal('snapshot'), seq: Seq, state: AgentState }),
  v.object({ type: v.literal('event'), seq: Seq, at: Time, event: AgentEvent }),
  v.object({ type: v.literal('ok'), id: Id, result: v.optional(v.record(v.string(), v.unknown())) }),
  v.object({ type: v.literal('error'), id: v.optional(Id), code: ErrorCode, message: v.string() }),
  v.object({ type: v.literal('pong'), serverTime: Time }),
  v.object({ type: v.literal('result'), id: Id, result: QueryResult }),
]);
export type ServerFrame = v.InferOutput<typeof ServerFrame>;
