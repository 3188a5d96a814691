import * as v from 'valibot';
import { AgentStatus, E164, Id, Time, TransferTarget } from './domain';

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_CASE_VALUE_LENGTH = 500;
export const MAX_CONTACT_NOTES_LENGTH = 5000;

/** A case-data key: lowercase words joined by underscores (`customer_segment`). */
export const CaseDataKey = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]{0,39}$/, 'a case-data key is lowercase letters, digits and "_" (at most 40), starting with a letter'),
);
const EmailAddress = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('an email address such as name@example.com'));

/** Longest reply text accepted on the wire; the message box enforces the SMS limit before this. */
export const MAX_REPLY_LENGTH = 5000;
/** Longest consultation (IM) line between agents. */
export const MAX_CONSULT_MESSAGE_LENGTH = 2000;

/** Text someone wrote to be sent: not blank, at most `max` characters; `what` names it in errors. */
const WrittenText = (what: string, max: number) =>
  v.pipe(
    v.string(),
    v.check((text) => text.trim().length > 0, `the ${what} is empty`),
    v.maxLength(max, `the ${what} is longer than ${max} characters`),
  );

/** Agent→server commands. Each travels in a `command` frame with a client-made `id`. */
export const Command = v.variant('name', [
  v.object({ name: v.literal('setStatus'), status: AgentStatus }),
  v.object({ name: v.literal('accept'), interactionId: Id }),
  v.object({ name: v.literal('reject'), interactionId: Id }),
  v.object({
    name: v.literal('reply'),
    interactionId: Id,
    text: WrittenText('reply', MAX_REPLY_LENGTH),
  }),
  v.object({ name: v.literal('markDone'), interactionId: Id }),
  /** Sends a reply that was not delivered again, as a new attempt (answers `{attempt}`). */
  v.object({ name: v.literal('resend'), interactionId: Id, entryId: Id }),
  /** Puts away the alert of a reply that did not reach the customer after its interaction closed. */
  v.object({ name: v.literal('dismissUndeliveredReply'), interactionId: Id, entryId: Id }),
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
  /** Saved as the agent types (debounced): the newest text replaces the note. */
  v.object({
    name: v.literal('setNote'),
    interactionId: Id,
    note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH, `the note is longer than ${MAX_NOTE_LENGTH} characters`)),
  }),
  /** A configured disposition code, or null to clear the choice. */
  v.object({ name: v.literal('setDisposition'), interactionId: Id, code: v.nullable(v.pipe(v.string(), v.maxLength(64))) }),
  /** Changes one case-data value; only keys the configuration marks editable. */
  v.object({
    name: v.literal('setCaseData'),
    interactionId: Id,
    key: CaseDataKey,
    value: v.pipe(v.string(), v.maxLength(MAX_CASE_VALUE_LENGTH, `the value is longer than ${MAX_CASE_VALUE_LENGTH} characters`)),
  }),
  /** Replaces a contact's editable details (permission contact.edit). */
  v.object({
    name: v.literal('updateContact'),
    contactId: Id,
    contactName: v.pipe(v.string(), v.trim(), v.maxLength(100, 'the name is longer than 100 characters')),
    phones: v.pipe(v.array(E164), v.maxLength(10, 'a contact has at most 10 numbers')),
    emails: v.pipe(v.array(EmailAddress), v.maxLength(10, 'a contact has at most 10 addresses')),
    notes: v.pipe(v.string(), v.maxLength(MAX_CONTACT_NOTES_LENGTH, `the notes are longer than ${MAX_CONTACT_NOTES_LENGTH} characters`)),
  }),
  /** Attaches an unknown contact's interaction (and its history) to a known contact (contact.assign). */
  v.object({ name: v.literal('assignContact'), interactionId: Id, contactId: Id }),
  v.object({
    name: v.literal('scheduleCallback'),
    interactionId: Id,
    dueAt: Time,
    timeZone: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    phone: E164,
    note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH, `the note is longer than ${MAX_NOTE_LENGTH} characters`)),
  }),
  v.object({ name: v.literal('moveCallback'), callbackId: Id, dueAt: Time, timeZone: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))) }),
  v.object({ name: v.literal('cancelCallback'), callbackId: Id }),
  /** Merges another open interaction of the same contact (or a call/email activity) into this one. */
  v.object({
    name: v.literal('mergeInteractions'),
    interactionId: Id,
    source: v.variant('kind', [
      v.object({ kind: v.literal('interaction'), interactionId: Id }),
      v.object({ kind: v.literal('activity'), activityId: Id }),
    ]),
  }),
  /** Team Communicator: agents and queues matching `query` (empty: everyone), recent targets first. */
  v.object({ name: v.literal('listTargets'), query: v.pipe(v.string(), v.maxLength(100, 'the search is longer than 100 characters')) }),
  /** Instant transfer: the target gets an offer; the sender keeps the interaction until it is accepted. */
  v.object({ name: v.literal('transfer'), interactionId: Id, target: TransferTarget }),
  /** Opens an IM consultation with a colleague about an interaction the agent handles. */
  v.object({ name: v.literal('startConsultation'), interactionId: Id, agentId: Id }),
  v.object({
    name: v.literal('consultMessage'),
    consultationId: Id,
    text: WrittenText('message', MAX_CONSULT_MESSAGE_LENGTH),
  }),
  /** Either side ends it. */
  v.object({ name: v.literal('endConsultation'), consultationId: Id }),
  /**
   * New SMS (docs/consent.md): the agent starts a conversation from a contact-centre number they
   * may use, to a number typed in any usual form (read in that number's region). Joins the
   * customer's open interaction on that number when the agent has it. Answers `{interactionId,
   * entryId, joined}`.
   */
  v.object({
    name: v.literal('newSms'),
    centreNumber: E164,
    phone: v.pipe(v.string(), v.minLength(1, 'the phone number is empty'), v.maxLength(40, 'the phone number is longer than 40 characters')),
    text: WrittenText('text', MAX_REPLY_LENGTH),
  }),
  /** The agent records that the customer of this interaction refuses texts (docs/consent.md). */
  v.object({ name: v.literal('recordOptOut'), interactionId: Id }),
]);
export type Command = v.InferOutput<typeof Command>;
export type CommandName = Command['name'];
export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;
