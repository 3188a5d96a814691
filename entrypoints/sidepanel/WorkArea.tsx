import { InteractionView } from '@/components/interaction/InteractionView';
import { OfferCard } from '@/components/offers/OfferCard';
import { TranscriptContext, type TranscriptServices } from '@/components/transcript/transcript-context';
import { t } from '@/lib/i18n/t';
import type { AppModel } from './models/app-model';

/** Offers first (they expire), then the open interactions; a hint when there is nothing. */
export function WorkArea({ model, locale }: { model: AppModel; locale: string }) {
  const { offers, interactions, agent, connection, clock } = model;
  const serverNow = connection.serverNow(clock.now.value);
  const offerList = offers.offers.value;
  const interactionList = interactions.interactions.value;
  const services = transcriptServices(model, locale);

  return (
    <TranscriptContext.Provider value={services}>
    <main class="work">
      {offerList.map((offer) => (
        <OfferCard
          key={offer.interaction.id}
          offer={offer}
          serverNow={serverNow}
          busy={offers.busy.value.has(offer.interaction.id)}
          error={offers.errors.value.get(offer.interaction.id)}
          onAccept={() => void offers.accept(offer.interaction.id)}
          onReject={() => void offers.reject(offer.interaction.id)}
        />
      ))}
      {interactionList.map((interaction) => (
        <InteractionView
          key={interaction.id}
          interaction={interaction}
          serverNow={serverNow}
          locale={locale}
          draft={interactions.drafts.value.get(interaction.id) ?? ''}
          busy={interactions.busy.value.has(interaction.id)}
          error={interactions.errors.value.get(interaction.id)}
          onDraft={(text) => interactions.setDraft(interaction.id, text)}
          onSend={() => void interactions.reply(interaction.id)}
          onMarkDone={() => void interactions.markDone(interaction.id)}
        />
      ))}
      {offerList.length === 0 && interactionList.length === 0 && (
        <p class="empty">{agent.status.value === 'ready' ? t('empty_ready') : t('empty_not_ready')}</p>
      )}
    </main>
    </TranscriptContext.Provider>
  );
}

/** What transcripts get from the app models (see components/transcript/transcript-context.ts). */
function transcriptServices(model: AppModel, locale: string): TranscriptServices {
  const { settings, contactActions, mediaLinks } = model;
  // Read here so the work area re-renders when links or errors change.
  const errors = contactActions.errors.value;
  void mediaLinks.byInteraction.value;
  return {
    locale,
    canSave: settings.can('media.save'),
    dial: (interaction, e164) => void contactActions.dial(interaction, e164),
    email: (interaction, address) => void contactActions.email(interaction, address),
    contactError: (interactionId) => errors.get(interactionId),
    mediaUrl: (interactionId, mediaId, variant) => mediaLinks.urlOf(interactionId, mediaId, variant),
    watchMedia: (interactionId) => mediaLinks.watch(interactionId),
    mediaChanged: (interactionId) => mediaLinks.update(interactionId),
    mediaFailed: (interactionId) => mediaLinks.failed(interactionId),
  };
}
