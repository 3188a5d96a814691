import * as v from 'valibot';

// Shared vocabulary of the contact centre, as it crosses the wire. Times are epoch milliseconds.

export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
export const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A phone number in E.164 form, as the server stores it. */
export const E164 = v.pipe(v.string(), v.regex(/^\+[1-9]\d{5,14}$/, 'a phone number in E.164 form, such as +33612345678'));

export const AgentStatus = v.picklist(['ready', 'not_ready']);
export type AgentStatus = v.InferOutput<typeof AgentStatus>;

export const MediaChannel = v.picklist(['sms', 'mms', 'im']);
export type MediaChannel = v.InferOutput<typeof MediaChannel>;

export const ChannelState = v.object({ channel: MediaChannel, available: v.boolean() });
export type ChannelState = v.InferOutput<typeof ChannelState>;

export const AgentProfile = v.object({ id: Id, username: v.string(), name: v.string() });
export type AgentProfile = v.InferOutput<typeof AgentProfile>;

export const InteractionMode = v.picklist(['page', 'session']);
export type InteractionMode = v.InferOutput<typeof InteractionMode>;

export const Customer = v.object({
  phone: v.string(),
  name: v.optional(v.string()),
  contactId: v.optional(Id),
});
export type Customer = v.InferOutput<typeof Customer>;

/** Who wrote a transcript entry. Agents carry their name so a transcript reads alone. */
export const Author = v.variant('role', [
  v.object({ role: v.literal('customer') }),
  v.object({ role: v.literal('agent'), agentId: Id, name: v.string() }),
  v.object({ role: v.literal('system') }),
]);
export type Author = v.InferOutput<typeof Author>;

/**
 * System events written into a transcript. The panel turns `code` + `params` into localized text,
 * so new codes need a `_locales` entry `system_<code>` in English and French.
 */
export const SystemCode = v.picklist([
  'agent_joined', // params: name
  'agent_left', // params: name
  'interaction_done',
  /** An MMS file was not accepted; params: file, number, reason and the reason's own values. */
  'media_refused',
  // contacts and wrap-up (params.name carries the one substitution)
  'contact_assigned', // name: the contact the interaction now belongs to
  'interaction_merged', // name: the number (or contact) of the interaction merged in
  // A call / an email started from the panel: name (the number or address); agent (who), when
  // written live by recordActivity — a line merged in from an activity has no agent.
  'activity_call',
  'activity_email',
  'callback_offered', // name: the agent who scheduled the callback
  'agent_transferred', // params: name (who transferred), target (agent or queue it went to)
  'consultation_started', // params: name (who started it), target (the consulted agent)
  'consultation_ended', // params: name (who ended it, or empty when it ended with the interaction), target (the other agent)
  'session_ended_inactivity', // params: seconds (the configured inactivity time)
  // The agent signed out, or stayed away past routing.requeueAbsentAfterSeconds: back to the queue
  // for someone else. params: name (the agent), reason ('signed_out' | 'absent')
  'returned_to_queue',
  'reply_resent', // params: name (the agent), attempt
  // Consent (docs/consent.md). params: via ('keyword' | 'agent' | 'carrier'), keyword (the
  // customer's word), name (the agent who recorded it), code (the carrier's error code).
  'consent_opted_out',
  'consent_opted_in',
  'consent_help_sent', // the automatic help text went to the customer; params: keyword
]);
export type SystemCode = v.InferOutput<typeof SystemCode>;

/**
 * One image of an MMS as the transcript records it: `id` is the SHA-256 of its bytes (the server
 * stores each file once by it). No URL: links are signed per agent and per request (`mediaLinks`).
 */
export const MessageMedia = v.object({
  id: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  contentType: v.picklist(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  filename: v.optional(v.string()),
});
export type MessageMedia = v.InferOutput<typeof MessageMedia>;

/**
 * What became of a reply (docs/gateways.md). `state` only moves forward. Over several SMS it is
 * the aggregate of the parts: `partly_delivered` when some arrived and the others failed for
 * good, `delivered` or `undelivered` / `failed` when all did the same. `reason` is Texto's word for
 * the carrier's cause (the panel says it in the agent's language), `code` the carrier's own.
 */
export const DeliveryState = v.picklist(['queued', 'sent', 'delivered', 'partly_delivered', 'undelivered', 'failed']);
export type DeliveryState = v.InferOutput<typeof DeliveryState>;
export const DeliveryReason = v.picklist([
  'opted_out',
  'landline',
  'unreachable',
  'unknown_destination',
  'spam',
  'blocked',
  'invalid_number',
  'carrier_error',
  'unknown',
]);
export type DeliveryReason = v.InferOutput<typeof DeliveryReason>;
export const DeliveryStatus = v.object({
  state: DeliveryState,
  reason: v.optional(DeliveryReason),
  code: v.optional(v.pipe(v.string(), v.maxLength(40))),
  /** Several SMS: how many arrived, of how many. */
  delivered: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  parts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** 1 for the first send, 2 after one Resend… */
  attempt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type DeliveryStatus = v.InferOutput<typeof DeliveryStatus>;

/** Whether a reply did not (all or part) reach the customer: the agent is offered Resend. */
export function deliveryFailed(status: DeliveryStatus | undefined): boolean {
  return status?.state === 'undelivered' || status?.state === 'failed' || status?.state === 'partly_delivered';
}

export const MessageEntry = v.object({
  kind: v.literal('message'),
  id: Id,
  at: Time,
  direction: v.picklist(['in', 'out']),
  author: Author,
  text: v.string(),
  /** Outbound only: how many SMS the reply was sent as (absent for older entries and inbound texts). */
  segments: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** The images of an MMS, in the order sent (absent for an SMS). */
  media: v.optional(v.array(MessageMedia)),
  /** Outbound only: what became of the reply (absent on entries written before it existed). */
  delivery: v.optional(DeliveryStatus),
  /** Set on entries merged in from another interaction (or activity): where they came from. */
  source: v.optional(Id),
});
export type MessageEntry = v.InferOutput<typeof MessageEntry>;

export const SystemEntry = v.object({
  kind: v.literal('system'),
  id: Id,
  at: Time,
  code: SystemCode,
  params: v.record(v.string(), v.string()),
  source: v.optional(Id),
});
export type SystemEntry = v.InferOutput<typeof SystemEntry>;

export const TranscriptEntry = v.variant('kind', [MessageEntry, SystemEntry]);
export type TranscriptEntry = v.InferOutput<typeof TranscriptEntry>;

/** What the contact database knows about the customer; `unknown` until someone names them. */
export const ContactCard = v.object({
  id: Id,
  /** Empty for an unknown contact (the panel shows the number instead). */
  name: v.string(),
  unknown: v.boolean(),
  phones: v.array(v.string()),
  emails: v.array(v.string()),
  notes: v.string(),
});
export type ContactCard = v.InferOutput<typeof ContactCard>;

/** Key/value data attached to an interaction (gateway, routing, the number's configuration, agents). */
export const CaseData = v.record(v.string(), v.string());
export type CaseData = v.InferOutput<typeof CaseData>;

/** On an interaction the server created because a callback fell due. */
export const CallbackOrigin = v.object({ id: Id, note: v.string(), dueAt: Time, scheduledBy: v.string() });
export type CallbackOrigin = v.InferOutput<typeof CallbackOrigin>;
/** An agent as other agents see them in transcripts, transfers and consultations. */
export const AgentRef = v.object({ agentId: Id, name: v.string() });
export type AgentRef = v.InferOutput<typeof AgentRef>;

/** Where an instant transfer goes: one agent, or whoever is Ready in a queue. */
export const TransferTarget = v.variant('kind', [
  v.object({ kind: v.literal('agent'), agentId: Id }),
  v.object({ kind: v.literal('queue'), queue: Id }),
]);
export type TransferTarget = v.InferOutput<typeof TransferTarget>;

/**
 * The sender's view of its latest instant transfer of an interaction: waiting for an answer, or
 * why it failed (the sender keeps the interaction). Cleared when a new owner accepts.
 */
export const TransferStatus = v.object({
  id: Id,
  state: v.picklist([
    'pending',
    'refused', // the agent rejected the offer
    'timeout', // the agent did not answer in time
    'unavailable', // the agent went Not Ready or offline before answering
    'nobody', // a queue: every Ready agent declined or none is left
  ]),
  target: v.variant('kind', [
    v.object({ kind: v.literal('agent'), agentId: Id, name: v.string() }),
    v.object({ kind: v.literal('queue'), queue: v.string() }),
  ]),
  at: Time,
});
export type TransferStatus = v.InferOutput<typeof TransferStatus>;

/** A session that ended on the customer's side; the agent keeps it on the desk until Mark Done. */
export const InteractionEnd = v.object({ at: Time, reason: v.literal('inactivity') });
export type InteractionEnd = v.InferOutput<typeof InteractionEnd>;

/**
 * Whether the customer accepts texts from this interaction's number (docs/consent.md). Absent on
 * interactions written before consent existed: they read as accepting.
 */
export const ConsentState = v.object({
  optedOut: v.boolean(),
  /** A customer message that contains an opt-out word without being only it: the agent is asked. */
  suspectedEntryId: v.optional(Id),
});
export type ConsentState = v.InferOutput<typeof ConsentState>;

export const Interaction = v.object({
  id: Id,
  mode: InteractionMode,
  channel: v.picklist(['sms', 'mms']),
  customer: Customer,
  /** The contact centre's number the customer wrote to. */
  centreNumber: v.string(),
  /** That number's region (ISO 3166 code such as FR): how national phone numbers in the transcript are read. */
  region: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  queue: v.string(),
  createdAt: Time,
  acceptedAt: v.optional(Time),
  transcript: v.array(TranscriptEntry),
  contact: v.optional(ContactCard),
  /** The agent's note, kept with the interaction in the contact's history. */
  note: v.optional(v.string()),
  /** The chosen disposition code (configured in `dispositions.codes`). */
  disposition: v.optional(v.string()),
  caseData: v.optional(CaseData),
  callback: v.optional(CallbackOrigin),
  /** Session mode: when the session ends unless an SMS goes either way before (server time). */
  inactivityDeadline: v.optional(Time),
  /** Set once the session has ended by inactivity: read-only until the agent marks it done. */
  ended: v.optional(InteractionEnd),
  /** The sender's latest instant transfer, while pending or after it failed. */
  transfer: v.optional(TransferStatus),
  consent: v.optional(ConsentState),
});
export type Interaction = v.InferOutput<typeof Interaction>;

export const Offer = v.object({
  interaction: Interaction,
  offeredAt: Time,
  expiresAt: Time,
  /** An instant transfer from a colleague (absent: a new interaction routed to the agent). */
  transfer: v.optional(v.object({ id: Id, from: AgentRef })),
});
export type Offer = v.InferOutput<typeof Offer>;

/** A callback the agent scheduled and that has not fallen due yet. */
export const ScheduledCallback = v.object({
  id: Id,
  dueAt: Time,
  /** The agent's IANA time zone when they scheduled it: the time is shown in it. */
  timeZone: v.string(),
  phone: v.string(),
  contactId: v.optional(Id),
  contactName: v.optional(v.string()),
  note: v.string(),
  sourceInteractionId: v.optional(Id),
});
export type ScheduledCallback = v.InferOutput<typeof ScheduledCallback>;
/** One line of an internal consultation (IM between agents; the customer never sees it). */
export const ConsultMessage = v.object({ id: Id, at: Time, author: AgentRef, text: v.string() });
export type ConsultMessage = v.InferOutput<typeof ConsultMessage>;

/**
 * A side conversation between the agent handling an interaction (host) and a colleague (guest).
 * The guest does not own the interaction, so it gets a summary of it to know what it is about.
 */
export const Consultation = v.object({
  id: Id,
  interactionId: Id,
  host: AgentRef,
  guest: AgentRef,
  startedAt: Time,
  summary: v.object({
    customer: Customer,
    mode: InteractionMode,
    queue: v.string(),
    createdAt: Time,
    /** The newest messages of the transcript when the consultation started. */
    excerpt: v.array(TranscriptEntry),
  }),
  messages: v.array(ConsultMessage),
});
export type Consultation = v.InferOutput<typeof Consultation>;

/**
 * A reply that did not reach the customer, reported after its interaction left the agent's desk
 * (a page-mode interaction closes on its reply). Kept until it is delivered by a Resend or dismissed.
 */
export const UndeliveredReply = v.object({
  interactionId: Id,
  entryId: Id,
  customer: Customer,
  centreNumber: v.string(),
  text: v.string(),
  /** When the reply was written. */
  at: Time,
  delivery: DeliveryStatus,
});
export type UndeliveredReply = v.InferOutput<typeof UndeliveredReply>;

/** Everything an agent's desktop shows that the server owns; rebuilt by `snapshot`, kept by events. */
export const AgentState = v.object({
  agent: AgentProfile,
  status: AgentStatus,
  channels: v.array(ChannelState),
  offers: v.array(Offer),
  interactions: v.array(Interaction),
  /** The agent's scheduled callbacks, soonest first. */
  callbacks: v.optional(v.array(ScheduledCallback)),
  /** Open consultations the agent hosts or is a guest of (absent in states stored before them). */
  consultations: v.optional(v.array(Consultation)),
  /** Replies of interactions no longer on the desk that did not reach the customer, oldest first. */
  undeliveredReplies: v.optional(v.array(UndeliveredReply)),
});
export type AgentState = v.InferOutput<typeof AgentState>;
