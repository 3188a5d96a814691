import { ConsultationPanel } from '@/components/consult/ConsultationPanel';
import { InteractionView } from '@/components/interaction/InteractionView';
import { InteractionToolbar } from '@/components/interactions/InteractionToolbar';
import { TeamCommunicator } from '@/components/team/TeamCommunicator';
import { TransferStatusLine } from '@/components/transfer/TransferStatusLine';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { SuspectedOptOutBanner } from '@/components/consent/SuspectedOptOutBanner';
import type { DirectoryTarget, Interaction } from '@/lib/protocol';
import { composeTools } from './compose-tools';
import { completionBlockedReason, DetailsArea } from './DetailsArea';
import type { TickingTime } from '@/components/common/ticking-time';
import type { AppModel } from './models/app-model';
import { ParticipantsArea } from './ParticipantsArea';

interface Props {
  model: AppModel;
  interaction: Interaction;
  serverNow: TickingTime;
  locale: string;
}

/** One interaction wired to its models: reply, transfer (Team Communicator), consultation. */
export function InteractionPane({ model, interaction, serverNow, locale }: Props) {
  const { interactions, transfer, consult, team, agent, wrapUp, connection, consent, contactActions } = model;
  const id = interaction.id;
  const selfId = agent.state.value?.agent.id ?? '';
  const hosted = consult.hostedOn(id);
  const communicator = team.openFor.value?.interactionId === id ? team.openFor.value : null;
  const transferStatus = interaction.transfer && !transfer.dismissed.value.has(interaction.transfer.id) ? interaction.transfer : undefined;
  const transferBusy = transfer.busy.value.has(id) || interaction.transfer?.state === 'pending';

  const suspected = interaction.consent?.optedOut ? undefined : interaction.consent?.suspectedEntryId;
  const consentBanner = (
    <>
      {suspected && !consent.dismissed.value.has(suspected) && (
        <SuspectedOptOutBanner busy={consent.busy.value.has(id)} onRecord={() => void consent.recordOptOut(id)} onDismiss={() => consent.dismiss(suspected)} />
      )}
      <ErrorAlert message={consent.errors.value.get(id)} />
    </>
  );

  const onTransfer = (target: DirectoryTarget) => {
    const wire = target.kind === 'agent' ? { kind: 'agent' as const, agentId: target.agentId } : { kind: 'queue' as const, queue: target.queue };
    void transfer.transfer(id, wire).then((ok) => ok && team.close());
  };
  const onIm = (agentId: string) => void consult.start(id, agentId).then((ok) => ok && team.close());

  const tools = (
    <>
      <InteractionToolbar
        interaction={interaction}
        serverNow={serverNow}
        canTransfer={!transferBusy}
        canConsult={!hosted && !consult.busy.value.has(id)}
        onTransfer={() => team.open(id, 'transfer')}
        onConsult={() => team.open(id, 'consult')}
      />
      <TransferStatusLine status={transferStatus} onDismiss={() => interaction.transfer && transfer.dismiss(interaction.transfer.id)} />
    </>
  );
  const aside = (
    <>
      {communicator && !interaction.ended && (
        <TeamCommunicator
          purpose={communicator.purpose}
          query={team.query.value}
          targets={team.targets.value}
          searching={team.searching.value}
          error={team.error.value}
          busy={transfer.busy.value.has(id) || consult.busy.value.has(id)}
          onQuery={(query) => team.setQuery(query)}
          onClose={team.close}
          onTransfer={onTransfer}
          onIm={onIm}
          onVoice={(extension) => void contactActions.callExtension(interaction, extension)}
        />
      )}
      <ErrorAlert message={transfer.errors.value.get(id) ?? consult.errors.value.get(id)} />
      {hosted && (
        <ConsultationPanel
          consultation={hosted}
          selfId={selfId}
          locale={locale}
          draft={consult.drafts.value.get(hosted.id) ?? ''}
          busy={consult.busy.value.has(hosted.id)}
          error={consult.errors.value.get(hosted.id)}
          onDraft={(text) => consult.setDraft(hosted.id, text)}
          onSend={() => void consult.send(hosted.id)}
          onEnd={() => void consult.end(hosted.id)}
        />
      )}
    </>
  );

  return (
    <InteractionView
      interaction={interaction}
      serverNow={serverNow}
      locale={locale}
      draft={interactions.drafts.value.get(id) ?? ''}
      busy={interactions.busy.value.has(id)}
      error={interactions.errors.value.get(id)}
      onDraft={(text) => interactions.setDraft(id, text)}
      onSend={() => void wrapUp.flushNote(id).then(() => interactions.reply(id))}
      onMarkDone={() => void wrapUp.flushNote(id).then(() => interactions.markDone(id))}
      selfId={selfId}
      tools={tools}
      aside={aside}
      participants={<ParticipantsArea model={model} interaction={interaction} locale={locale} />}
      details={<DetailsArea model={model} interaction={interaction} locale={locale} />}
      completionBlocked={completionBlockedReason(model, interaction)}
      compose={composeTools(model, interaction)}
      disconnected={connection.connection.value.phase !== 'connected'}
      consentBanner={consentBanner}
    />
  );
}
