import * as v from 'valibot';
import { AgentStatus, Id, TransferTarget } from './domain';

/** Longest reply text accepted on the wire; the message box enforces the SMS limit before this. */
export const MAX_REPLY_LENGTH = 5000;
/** Longest consultation (IM) line between agents. */
export const MAX_CONSULT_MESSAGE_LENGTH = 2000;

/** Agent→server commands. Each travels in a `command` frame with a client-made `id`. */
export const Command = v.variant('name', [
  v.object({ name: v.literal('setStatus'), status: AgentStatus }),
  v.object({ name: v.literal('accept'), interactionId: Id }),
  v.object({ name: v.literal('reject'), interactionId: Id }),
  v.object({
    name: v.literal('reply'),
    interactionId: Id,
    text: v.pipe(
      v.string(),
      v.check((text) => text.trim().length > 0, 'the reply is empty'),
      v.maxLength(MAX_REPLY_LENGTH, `the reply is longer than ${MAX_REPLY_LENGTH} characters`),
    ),
  }),
  v.object({ name: v.literal('markDone'), interactionId: Id }),
  /** A call or email the agent started from the panel (transcript link or contact menu). */
  v.object({
    name: v.literal('recordActivity'),
    interactionId: Id,
    activity: v.picklist(['call', 'email']),
    target: v.pipe(v.string(), v.minLength(1), v.maxLength(320)),
    via: v.picklist(['transcript', 'contact_menu']),
  }),
  /**
   * Fresh signed links to the images of an interaction the agent handles. Answers
   * `{expiresAt, links: {[mediaId]: {thumb, full, save?}}}` (paths on the server; `save` only
   * with the `media.save` permission). Links live minutes: ask again before `expiresAt`.
   */
  v.object({ name: v.literal('mediaLinks'), interactionId: Id }),
  /** Team Communicator: agents and queues matching `query` (empty: everyone), recent targets first. */
  v.object({ name: v.literal('listTargets'), query: v.pipe(v.string(), v.maxLength(100, 'the search is longer than 100 characters')) }),
  /** Instant transfer: the target gets an offer; the sender keeps the interaction until it is accepted. */
  v.object({ name: v.literal('transfer'), interactionId: Id, target: TransferTarget }),
  /** Opens an IM consultation with a colleague about an interaction the agent handles. */
  v.object({ name: v.literal('startConsultation'), interactionId: Id, agentId: Id }),
  v.object({
    name: v.literal('consultMessage'),
    consultationId: Id,
    text: v.pipe(
      v.string(),
      v.check((text) => text.trim().length > 0, 'the message is empty'),
      v.maxLength(MAX_CONSULT_MESSAGE_LENGTH, `the message is longer than ${MAX_CONSULT_MESSAGE_LENGTH} characters`),
    ),
  }),
  /** Either side ends it. */
  v.object({ name: v.literal('endConsultation'), consultationId: Id }),
]);
export type Command = v.InferOutput<typeof Command>;
export type CommandName = Command['name'];
export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;
