import * as v from 'valibot';
import {
  CaseData,
  ConsentState,
  ContactCard,
  ScheduledCallback,
  AgentRef,
  AgentStatus,
  ChannelState,
  ConsultMessage,
  DeliveryStatus,
  Consultation,
  Id,
  Interaction,
  InteractionEnd,
  Offer,
  Time,
  TranscriptEntry,
  TransferStatus,
  UndeliveredReply,
} from './domain';

/** Why an offer left the agent's desktop without being accepted by them. */
export const OfferEndReason = v.picklist(['timeout', 'rejected', 'withdrawn']);
export type OfferEndReason = v.InferOutput<typeof OfferEndReason>;

/**
 * `transferred`: another agent accepted it; `inactivity`: an ended session the agent marked done;
 * `merged`: merged into another interaction of the same contact.
 */
/** `requeued`: taken back from an agent who signed out or stayed away, offered to others. */
export const CloseReason = v.picklist(['done', 'replied', 'transferred', 'inactivity', 'merged', 'requeued']);
export type CloseReason = v.InferOutput<typeof CloseReason>;

/** Server→agent events. Each travels in an `event` frame with the agent's next `seq`. */
export const AgentEvent = v.variant('type', [
  v.object({ type: v.literal('statusChanged'), status: AgentStatus }),
  v.object({ type: v.literal('channelsChanged'), channels: v.array(ChannelState) }),
  v.object({ type: v.literal('offerMade'), offer: Offer }),
  v.object({ type: v.literal('offerEnded'), interactionId: Id, reason: OfferEndReason }),
  v.object({ type: v.literal('interactionAssigned'), interaction: Interaction }),
  v.object({ type: v.literal('transcriptAppended'), interactionId: Id, entry: TranscriptEntry }),
  /** A reply's delivery moved forward (docs/gateways.md). */
  v.object({ type: v.literal('deliveryChanged'), interactionId: Id, entryId: Id, delivery: DeliveryStatus }),
  /** A reply of an interaction no longer on the desk did not reach the customer, or its Resend moved on. */
  v.object({ type: v.literal('replyUndelivered'), reply: UndeliveredReply }),
  /** That alert is over: the Resend was delivered, or the agent dismissed it. */
  v.object({ type: v.literal('undeliveredReplyEnded'), entryId: Id, reason: v.picklist(['delivered', 'dismissed']) }),
  v.object({ type: v.literal('interactionClosed'), interactionId: Id, reason: CloseReason }),
  /** Note, disposition or case data changed (only the fields present). */
  v.object({
    type: v.literal('interactionDetailsChanged'),
    interactionId: Id,
    note: v.optional(v.string()),
    disposition: v.optional(v.nullable(v.string())),
    caseData: v.optional(CaseData),
  }),
  /** A contact's details changed: every interaction and offer of that contact shows them. */
  v.object({ type: v.literal('contactChanged'), contact: ContactCard }),
  /** The interaction now belongs to another contact (manual assignment). */
  v.object({ type: v.literal('contactAssigned'), interactionId: Id, contact: ContactCard }),
  /** Another interaction (or activity) was merged in: the whole transcript, ordered by time. */
  v.object({ type: v.literal('interactionsMerged'), interactionId: Id, transcript: v.array(TranscriptEntry) }),
  /** Scheduled or moved. */
  v.object({ type: v.literal('callbackScheduled'), callback: ScheduledCallback }),
  v.object({ type: v.literal('callbackEnded'), callbackId: Id, reason: v.picklist(['cancelled', 'due']) }),
  /** Some fields of an open interaction changed: a present field is the new value, null clears it. */
  v.object({
    type: v.literal('interactionUpdated'),
    interactionId: Id,
    inactivityDeadline: v.optional(v.nullable(Time)),
    ended: v.optional(InteractionEnd),
    transfer: v.optional(v.nullable(TransferStatus)),
  }),
  /** The customer opted out or in, or a message looks like an opt-out (docs/consent.md). */
  v.object({ type: v.literal('consentChanged'), interactionId: Id, consent: ConsentState }),
  v.object({ type: v.literal('consultationStarted'), consultation: Consultation }),
  v.object({ type: v.literal('consultationMessage'), consultationId: Id, message: ConsultMessage }),
  /** `endedBy` is absent when the consultation ended with its interaction (closed or transferred). */
  v.object({
    type: v.literal('consultationEnded'),
    consultationId: Id,
    reason: v.picklist(['ended', 'interaction_closed']),
    endedBy: v.optional(AgentRef),
  }),
]);
export type AgentEvent = v.InferOutput<typeof AgentEvent>;
export type AgentEventType = AgentEvent['type'];
