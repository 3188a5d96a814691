import type { AgentEvent, AgentState, Interaction } from '../protocol';

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
    case 'interactionClosed':
      return { ...state, interactions: state.interactions.filter((i) => i.id !== event.interactionId) };
  }
}

function updateInteraction(
  interactions: Interaction[],
  id: string,
  update: (interaction: Interaction) => Interaction,
): Interaction[] {
  return interactions.map((interaction) => (interaction.id === id ? update(interaction) : interaction));
}
