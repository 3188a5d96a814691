import { CallbackList } from '@/components/callback/CallbackList';
import { InteractionView } from '@/components/interaction/InteractionView';
import { OfferCard } from '@/components/offers/OfferCard';
import { t } from '@/lib/i18n/t';
import { completionBlockedReason, DetailsArea } from './DetailsArea';
import type { AppModel } from './models/app-model';
import { ParticipantsArea } from './ParticipantsArea';

/** Offers first (they expire), then the open interactions; a hint when there is nothing. */
export function WorkArea({ model, locale }: { model: AppModel; locale: string }) {
  const { offers, interactions, agent, connection, clock, callbacks, wrapUp } = model;
  const serverNow = connection.serverNow(clock.now.value);
  const offerList = offers.offers.value;
  const interactionList = interactions.interactions.value;

  return (
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
          onSend={() => void wrapUp.flushNote(interaction.id).then(() => interactions.reply(interaction.id))}
          onMarkDone={() => void wrapUp.flushNote(interaction.id).then(() => interactions.markDone(interaction.id))}
          participants={<ParticipantsArea model={model} interaction={interaction} locale={locale} />}
          details={<DetailsArea model={model} interaction={interaction} locale={locale} />}
          completionBlocked={completionBlockedReason(model, interaction)}
        />
      ))}
      <CallbackList
        callbacks={callbacks.callbacks.value}
        locale={locale}
        busy={callbacks.busy.value}
        errors={callbacks.errors.value}
        onMove={(id, dueAt) => void callbacks.move(id, dueAt)}
        onCancel={(id) => void callbacks.cancel(id)}
      />
      {offerList.length === 0 && interactionList.length === 0 && (
        <p class="empty">{agent.status.value === 'ready' ? t('empty_ready') : t('empty_not_ready')}</p>
      )}
    </main>
  );
}
