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
  'agent_joined',
  'agent_left',
  'interaction_done',
  /** An MMS file was not accepted; params: file, number, reason and the reason's own values. */
  'media_refused',
  /** The agent started a call / an email from the panel; params: name, target. */
  'activity_call',
  'activity_email',
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

export const MessageEntry = v.object({
  kind: v.literal('message'),
  id: Id,
  at: Time,
  direction: v.picklist(['in', 'out']),
  author: Author,
  text: v.string(),
  /** The images of an MMS, in the order sent (absent for an SMS). */
  media: v.optional(v.array(MessageMedia)),
});
export type MessageEntry = v.InferOutput<typeof MessageEntry>;

export const SystemEntry = v.object({
  kind: v.literal('system'),
  id: Id,
  at: Time,
  code: SystemCode,
  params: v.record(v.string(), v.string()),
});
export type SystemEntry = v.InferOutput<typeof SystemEntry>;

export const TranscriptEntry = v.variant('kind', [MessageEntry, SystemEntry]);
export type TranscriptEntry = v.InferOutput<typeof TranscriptEntry>;

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
});
export type Interaction = v.InferOutput<typeof Interaction>;

export const Offer = v.object({
  interaction: Interaction,
  offeredAt: Time,
  expiresAt: Time,
});
export type Offer = v.InferOutput<typeof Offer>;

/** Everything an agent's desktop shows that the server owns; rebuilt by `snapshot`, kept by events. */
export const AgentState = v.object({
  agent: AgentProfile,
  status: AgentStatus,
  channels: v.array(ChannelState),
  offers: v.array(Offer),
  interactions: v.array(Interaction),
});
export type AgentState = v.InferOutput<typeof AgentState>;
