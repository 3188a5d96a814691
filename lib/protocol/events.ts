import * as v from 'valibot';
import { AgentStatus, ChannelState, Id, Interaction, Offer, TranscriptEntry } from './domain';

/** Why an offer left the agent's desktop without being accepted by them. */
export const OfferEndReason = v.picklist(['timeout', 'rejected', 'withdrawn']);
export type OfferEndReason = v.InferOutput<typeof OfferEndReason>;

export const CloseReason = v.picklist(['done', 'replied']);
export type CloseReason = v.InferOutput<typeof CloseReason>;

/** Server→agent events. Each travels in an `event` frame with the agent's next `seq`. */
export const AgentEvent = v.variant('type', [
  v.object({ type: v.literal('statusChanged'), status: AgentStatus }),
  v.object({ type: v.literal('channelsChanged'), channels: v.array(ChannelState) }),
  v.object({ type: v.literal('offerMade'), offer: Offer }),
  v.object({ type: v.literal('offerEnded'), interactionId: Id, reason: OfferEndReason }),
  v.object({ type: v.literal('interactionAssigned'), interaction: Interaction }),
  v.object({ type: v.literal('transcriptAppended'), interactionId: Id, entry: TranscriptEntry }),
  v.object({ type: v.literal('interactionClosed'), interactionId: Id, reason: CloseReason }),
]);
export type AgentEvent = v.InferOutput<typeof AgentEvent>;
export type AgentEventType = AgentEvent['type'];
