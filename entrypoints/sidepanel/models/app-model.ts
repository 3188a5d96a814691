import { batch, computed, effect } from '@preact/signals';
import { uiLocale } from '@/lib/i18n/t';
import type { ManagedSettings } from '@/lib/managed-settings/read';
import { historyStorage } from '@/lib/history-cache';
import { dispositionLabel } from '@/lib/wrapup/rules';
import type { BackgroundLink } from '../background-link';
import { playWarningTone } from '../warning-tone';
import { createAgentModel } from './agent-model';
import type { TickingTime } from '@/components/common/ticking-time';
import { createClockModel } from './clock-model';
import { createConnectionModel } from './connection-model';
import { createContactActionsModel } from './contact-actions-model';
import { createConsentModel } from './consent-model';
import { createConsultModel } from './consult-model';
import { createDeskModel } from './desk-model';
import { createInteractionsModel } from './interactions-model';
import { createMediaLinksModel } from './media-links-model';
import { createNoticesModel } from './notices-model';
import { createOffersModel } from './offers-model';
import { createResponsesModel } from './responses-model';
import { createSessionModel } from './session-model';
import { createSessionWarningModel } from './session-warning-model';
import { createSettingsModel } from './settings-model';
import { createTextSizeModel } from './text-size-model';
import { createCallbacksModel } from './callbacks-model';
import { createUndeliveredRepliesModel } from './undelivered-replies-model';
import { createContactsModel } from './contacts-model';
import { createHistoryModel } from './history-model';
import { createMergeModel } from './merge-model';
import { createNewSmsModel } from './new-sms-model';
import { createWrapUpModel } from './wrapup-model';
import { createTeamModel } from './team-model';
import { createTransferModel } from './transfer-model';
import { persistView } from './view-store';
import { createSpellingModel } from './spelling-model';

/** Every app-level model, fed by ONE subscription to the background. */
export function createAppModel(link: BackgroundLink, managed: ManagedSettings) {
  const clock = createClockModel();
  const session = createSessionModel(link, managed);
  const settings = createSettingsModel();
  const connection = createConnectionModel(link);
  const agent = createAgentModel(link);
  /** Server time, ticking: read only by the leaves that show a time (see TickingTime). */
  const serverNow: TickingTime = computed(() => connection.serverNow(clock.now.value));
  const offers = createOffersModel(link, agent);
  const interactions = createInteractionsModel(link, agent);
  const notices = createNoticesModel(connection, agent);
  const contactActions = createContactActionsModel(link, settings);
  const mediaLinks = createMediaLinksModel(
    link,
    () => session.session.value?.server,
    () => connection.serverNow(Date.now()),
  );
  const textSize = createTextSizeModel();
  const storage = historyStorage();
  const locale = uiLocale();
  const history = createHistoryModel(link, storage.cache, (code) => dispositionLabel(settings.settings.value?.dispositions, code, locale));
  const wrapUp = createWrapUpModel(link, storage.drafts);
  const contacts = createContactsModel(link);
  const callbacks = createCallbacksModel(link, agent);
  const undelivered = createUndeliveredRepliesModel(link, agent);
  const merge = createMergeModel(link);
  watchContacts({ session, connection, agent, history, wrapUp });
  const desk = createDeskModel(link, agent);
  const transfer = createTransferModel(link);
  const consent = createConsentModel(link);
  const newSms = createNewSmsModel(link);
  const consult = createConsultModel(link, agent, notices);
  const team = createTeamModel(link, agent);
  const warnings = createSessionWarningModel(agent, connection, clock, playWarningTone);
  persistView({
    drafts: interactions.drafts,
    consultDrafts: consult.drafts,
    chosen: desk.chosen,
    signedIn: () => (session.session.value === undefined ? undefined : session.session.value !== null),
    onLoaded: () => desk.viewRestored(),
  });
  const spelling = createSpellingModel(settings);
  const responses = createResponsesModel(link, session, settings);

  link.subscribe((message) =>
    batch(() => {
      // For bench/transcript.ts: when the desk's state reached the panel (first render is timed from here).
      if (message.type === 'sync' && message.state) performance.mark('texto:state-received');
      session.receive(message);
      settings.receive(message);
      if (message.type === 'newSms') {
        const from = settings.settings.value?.newSms?.numbers[0]?.number;
        if (from) newSms.open(newSms.draft.value?.from ?? from, message.phone);
      }
      connection.receive(message);
      // Before the agent model applies the event: it looks at what is ending.
      consult.receive(message);
      agent.receive(message);
      desk.receive(message);
    }),
  );

  return {
    clock,
    serverNow,
    session,
    settings,
    connection,
    agent,
    offers,
    interactions,
    notices,
    desk,
    transfer,
    consent,
    newSms,
    consult,
    team,
    warnings,
    history,
    wrapUp,
    contacts,
    callbacks,
    undelivered,
    merge,
    contactActions,
    mediaLinks,
    textSize,
    spelling,
    responses,
  };
}

/**
 * Every contact on the desk (offers and interactions) gets its counts fetched, and every open
 * interaction its unsaved note draft restored; a reconnect refreshes the counts; signing out
 * forgets everything in memory (the background clears the cache).
 */
function watchContacts(models: {
  session: ReturnType<typeof createSessionModel>;
  connection: ReturnType<typeof createConnectionModel>;
  agent: ReturnType<typeof createAgentModel>;
  history: ReturnType<typeof createHistoryModel>;
  wrapUp: ReturnType<typeof createWrapUpModel>;
}) {
  const { session, connection, agent, history, wrapUp } = models;
  effect(() => {
    if (session.session.value === null) {
      history.reset();
      wrapUp.reset();
    }
  });
  let wasConnected = false;
  effect(() => {
    const connected = connection.connection.value.phase === 'connected';
    if (connected && !wasConnected) history.forgetPrefetched();
    wasConnected = connected;
    const state = agent.state.value;
    if (!state) return;
    const onDesk = new Map<string, string[]>();
    for (const interaction of [...state.interactions, ...state.offers.map((o) => o.interaction)]) {
      const contactId = interaction.customer.contactId;
      if (contactId) onDesk.set(contactId, [...(onDesk.get(contactId) ?? []), interaction.id]);
    }
    for (const [contactId, ids] of onDesk) void history.prefetch(contactId, ids.sort().join(' '));
    for (const interaction of state.interactions) void wrapUp.restoreDraft(interaction);
  });
}

export type AppModel = ReturnType<typeof createAppModel>;
