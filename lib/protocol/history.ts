import * as v from 'valibot';
import { ContactCard, Id, InteractionMode, Time } from './domain';

// A contact's history as the panel shows (and caches) it: past and open interactions, and the
// calls and emails agents started from the panel.

export const HISTORY_PAGE_MAX = 1000;

export const HistoryInteraction = v.object({
  id: Id,
  createdAt: Time,
  closedAt: v.optional(Time),
  open: v.boolean(),
  /** done, replied, merged… (lib/protocol/events.ts CloseReason) */
  closeReason: v.optional(v.string()),
  phone: v.string(),
  centreNumber: v.string(),
  mode: InteractionMode,
  channel: v.string(),
  agentName: v.optional(v.string()),
  disposition: v.optional(v.string()),
  note: v.string(),
  /** The customer's first text, shortened: what the interaction was about. */
  preview: v.string(),
  entryCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mergedInto: v.optional(Id),
});
export type HistoryInteraction = v.InferOutput<typeof HistoryInteraction>;

export const HistoryActivity = v.object({
  id: Id,
  interactionId: Id,
  at: Time,
  kind: v.picklist(['call', 'email']),
  target: v.string(),
  via: v.picklist(['transcript', 'contact_menu']),
  agentName: v.string(),
  /** The interaction whose transcript it was merged into. */
  mergedInto: v.optional(Id),
});
export type HistoryActivity = v.InferOutput<typeof HistoryActivity>;

/** One change of a customer's consent: the proof a regulator asks for (docs/consent.md). */
export const HistoryConsentChange = v.object({
  id: Id,
  at: Time,
  optedOut: v.boolean(),
  phone: v.string(),
  /** The contact-centre number it holds for, or `*` for the whole centre. */
  scope: v.string(),
  /** The number the keyword was sent to, the agent worked on, or the carrier refused from. */
  centreNumber: v.string(),
  via: v.picklist(['keyword', 'agent', 'carrier']),
  keyword: v.optional(v.string()),
  agentName: v.optional(v.string()),
  carrierCode: v.optional(v.string()),
});
export type HistoryConsentChange = v.InferOutput<typeof HistoryConsentChange>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ContactHistory = v.object({
  contact: ContactCard,
  /** Interactions with this contact not closed yet (any agent). */
  inProgress: Count,
  /** Interactions with this contact created in the last 30 days. */
  last30Days: Count,
  /** Newest first. */
  interactions: v.array(HistoryInteraction),
  activities: v.array(HistoryActivity),
  /** Consent changes of the contact's numbers, newest first (absent in histories cached before them). */
  consentChanges: v.optional(v.array(HistoryConsentChange)),
  /** How many interactions match (more than listed when the page is full). */
  total: Count,
  /** The search text this page answers, when it is a search. */
  text: v.optional(v.string()),
  /** Server time of the answer. */
  asOf: Time,
});
export type ContactHistory = v.InferOutput<typeof ContactHistory>;
