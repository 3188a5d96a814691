import { CallbackList } from '@/components/callback/CallbackList';
import { UndeliveredReplies } from '@/components/delivery/UndeliveredReplies';
import { InteractionTabs, panelId, tabId } from '@/components/interactions/InteractionTabs';
import { OfferCard } from '@/components/offers/OfferCard';
import { TranscriptContext, type TranscriptServices } from '@/components/transcript/transcript-context';
import { TransferOfferCard } from '@/components/transfer/TransferOfferCard';
import { t } from '@/lib/i18n/t';
import { ConsultationPane } from './ConsultationPane';
import { InteractionPane } from './InteractionPane';
import { NewSmsArea } from './NewSmsArea';
import type { AppModel } from './models/app-model';

/**
 * Offers first (they expire), then replies that did not reach their customer after their
 * interaction closed, then the open interactions as tabs with the chosen one below; a hint when
 * there is nothing.
 */
export function WorkArea({ model, locale }: { model: AppModel; locale: string }) {
  const { offers, agent, serverNow, desk, warnings, callbacks, undelivered } = model;
  const offerList = offers.offers.value;
  const items = desk.items.value;
  const selected = desk.selected.value;
  const services = transcriptServices(model, locale);
  const accept = (interactionId: string) =>
    void offers.accept(interactionId).then((accepted) => accepted && desk.select(interactionId));

  return (
    <TranscriptContext.Provider value={services}>
    <main class="work" data-warning-cues={warnings.cues.value}>
      <NewSmsArea model={model} />
      {offerList.map((offer) => {
        const id = offer.interaction.id;
        const common = {
          serverNow,
          busy: offers.busy.value.has(id),
          error: offers.errors.value.get(id),
          onAccept: () => accept(id),
          onReject: () => void offers.reject(id),
        };
        return offer.transfer ? (
          <TransferOfferCard key={id} offer={{ ...offer, transfer: offer.transfer }} locale={locale} selfId={agent.state.value?.agent.id} {...common} />
        ) : (
          <OfferCard key={id} offer={offer} {...common} />
        );
      })}
      <UndeliveredReplies
        replies={undelivered.replies.value}
        busy={undelivered.busy.value}
        errors={undelivered.errors.value}
        onResend={(reply) => void undelivered.resend(reply.interactionId, reply.entryId)}
        onDismiss={(reply) => void undelivered.dismiss(reply.interactionId, reply.entryId)}
      />
      {items.length > 0 && (
        <InteractionTabs items={items} selectedKey={selected?.key ?? null} unread={desk.unread.value} serverNow={serverNow} onSelect={(key) => desk.select(key)} />
      )}
      {selected && (
        <div role="tabpanel" id={panelId(selected.key)} aria-labelledby={tabId(selected.key)}>
          {selected.kind === 'interaction' ? (
            <InteractionPane key={selected.key} model={model} interaction={selected.interaction} serverNow={serverNow} locale={locale} />
          ) : (
            <ConsultationPane key={selected.key} model={model} consultation={selected.consultation} locale={locale} />
          )}
        </div>
      )}
      <CallbackList
        callbacks={callbacks.callbacks.value}
        locale={locale}
        busy={callbacks.busy.value}
        errors={callbacks.errors.value}
        onMove={(id, dueAt) => void callbacks.move(id, dueAt)}
        onCancel={(id) => void callbacks.cancel(id)}
      />
      {offerList.length === 0 && items.length === 0 && (
        <p class="empty">{agent.status.value === 'ready' ? t('empty_ready') : t('empty_not_ready')}</p>
      )}
    </main>
    </TranscriptContext.Provider>
  );
}

/** What transcripts get from the app models (see components/transcript/transcript-context.ts). */
function transcriptServices(model: AppModel, locale: string): TranscriptServices {
  const { settings, contactActions, mediaLinks, interactions } = model;
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
    resend: (interactionId, entryId) => void interactions.resend(interactionId, entryId),
  };
}
