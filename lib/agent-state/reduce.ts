import type { AgentEvent, AgentState, Consultation, ContactCard, Interaction, ScheduledCallback } from '../protocol';

/**
 * Applies one server event to the agent state. Pure: the background and the panel run the same
 * function so that what the panel shows is exactly what the background persisted.
 */
export function applyEvent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'statusChanged':
      return { ...state, status: event.status };
    case 'channelsChanged':
      return { ...state, channels: event.channels };
    case 'offerMade':
      return {
        ...state,
        offers: [...state.offers.filter((o) => o.interaction.id !== event.offer.interaction.id), event.offer],
      };
    case 'offerEnded':
      return { ...state, offers: state.offers.filter((o) => o.interaction.id !== event.interactionId) };
    case 'interactionAssigned':
      return {
        ...state,
        offers: state.offers.filter((o) => o.interaction.id !== event.interaction.id),
        interactions: [...state.interactions.filter((i) => i.id !== event.interaction.id), event.interaction],
      };
    case 'transcriptAppended':
      return {
        ...state,
        interactions: updateInteraction(state.interactions, event.interactionId, (interaction) =>
          interaction.transcript.some((e) => e.id === event.entry.id)
            ? interaction
            : { ...interaction, transcript: [...interaction.transcript, event.entry] },
        ),
      };
    case 'deliveryChanged':
      return {
        ...state,
        interactions: updateInteraction(state.interactions, event.interactionId, (interaction) => ({
          ...interaction,
          transcript: interaction.transcript.map((entry) =>
            entry.id === event.entryId && entry.kind === 'message' ? { ...entry, delivery: event.delivery } : entry,
          ),
        })),
      };
    case 'replyUndelivered': {
      const others = (state.undeliveredReplies ?? []).filter((r) => r.entryId !== event.reply.entryId);
      return { ...state, undeliveredReplies: [...others, event.reply].sort((a, b) => a.at - b.at || a.entryId.localeCompare(b.entryId)) };
    }
    case 'undeliveredReplyEnded':
      return { ...state, undeliveredReplies: (state.undeliveredReplies ?? []).filter((r) => r.entryId !== event.entryId) };
    case 'interactionClosed':
      return { ...state, interactions: state.interactions.filter((i) => i.id !== event.interactionId) };
    case 'interactionUpdated':
      return { ...state, interactions: updateInteraction(state.interactions, event.interactionId, (i) => patchInteraction(i, event)) };
    case 'consentChanged': {
      const apply = (interaction: Interaction): Interaction => ({ ...interaction, consent: event.consent });
      return {
        ...state,
        interactions: updateInteraction(state.interactions, event.interactionId, apply),
        offers: state.offers.map((offer) => (offer.interaction.id === event.interactionId ? { ...offer, interaction: apply(offer.interaction) } : offer)),
      };
    }
    case 'consultationStarted':
      return {
        ...state,
        consultations: [...(state.consultations ?? []).filter((c) => c.id !== event.consultation.id), event.consultation],
      };
    case 'consultationMessage':
      return {
        ...state,
        consultations: updateConsultation(state.consultations ?? [], event.consultationId, (consultation) =>
          consultation.messages.some((m) => m.id === event.message.id)
            ? consultation
            : { ...consultation, messages: [...consultation.messages, event.message] },
        ),
      };
    case 'consultationEnded':
      return { ...state, consultations: (state.consultations ?? []).filter((c) => c.id !== event.consultationId) };
    case 'interactionDetailsChanged': {
      const { interactionId, note, disposition, caseData } = event;
      return {
        ...state,
        interactions: updateInteraction(state.interactions, interactionId, (interaction) => {
          const next: Interaction = { ...interaction };
          if (note !== undefined) next.note = note;
          if (caseData !== undefined) next.caseData = caseData;
          if (disposition === null) delete next.disposition;
          else if (disposition !== undefined) next.disposition = disposition;
          return next;
        }),
      };
    }
    case 'contactChanged':
      return withContact(state, (interaction) => interaction.customer.contactId === event.contact.id, event.contact);
    case 'contactAssigned':
      return withContact(state, (interaction) => interaction.id === event.interactionId, event.contact);
    case 'interactionsMerged':
      return {
        ...state,
        interactions: updateInteraction(state.interactions, event.interactionId, (interaction) => ({ ...interaction, transcript: event.transcript })),
      };
    case 'callbackScheduled':
      return { ...state, callbacks: sortCallbacks([...(state.callbacks ?? []).filter((c) => c.id !== event.callback.id), event.callback]) };
    case 'callbackEnded':
      return { ...state, callbacks: (state.callbacks ?? []).filter((c) => c.id !== event.callbackId) };
  }
}

const sortCallbacks = (callbacks: ScheduledCallback[]) => callbacks.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));

/** Shows `contact` on the interactions (and offers) that `matches` picks. */
function withContact(state: AgentState, matches: (interaction: Interaction) => boolean, contact: ContactCard): AgentState {
  const apply = (interaction: Interaction): Interaction => {
    if (!matches(interaction)) return interaction;
    const { name: _previousName, ...customer } = interaction.customer;
    return {
      ...interaction,
      customer: { ...customer, contactId: contact.id, ...(contact.unknown || !contact.name ? {} : { name: contact.name }) },
      contact,
    };
  };
  return {
    ...state,
    interactions: state.interactions.map(apply),
    offers: state.offers.map((offer) => (matches(offer.interaction) ? { ...offer, interaction: apply(offer.interaction) } : offer)),
  };
}

/** A present field replaces the interaction's, null removes it, absent leaves it alone. */
function patchInteraction(interaction: Interaction, patch: Extract<AgentEvent, { type: 'interactionUpdated' }>): Interaction {
  const next: Interaction = { ...interaction };
  if (patch.inactivityDeadline === null) delete next.inactivityDeadline;
  else if (patch.inactivityDeadline !== undefined) next.inactivityDeadline = patch.inactivityDeadline;
  if (patch.ended !== undefined) next.ended = patch.ended;
  if (patch.transfer === null) delete next.transfer;
  else if (patch.transfer !== undefined) next.transfer = patch.transfer;
  return next;
}

function updateInteraction(
  interactions: Interaction[],
  id: string,
  update: (interaction: Interaction) => Interaction,
): Interaction[] {
  return interactions.map((interaction) => (interaction.id === id ? update(interaction) : interaction));
}

function updateConsultation(
  consultations: Consultation[],
  id: string,
  update: (consultation: Consultation) => Consultation,
): Consultation[] {
  return consultations.map((consultation) => (consultation.id === id ? update(consultation) : consultation));
}
