import { batch } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { playWarningTone } from '../warning-tone';
import { createAgentModel } from './agent-model';
import { createClockModel } from './clock-model';
import { createConnectionModel } from './connection-model';
import { createContactActionsModel } from './contact-actions-model';
import { createConsultModel } from './consult-model';
import { createDeskModel } from './desk-model';
import { createInteractionsModel } from './interactions-model';
import { createMediaLinksModel } from './media-links-model';
import { createNoticesModel } from './notices-model';
import { createOffersModel } from './offers-model';
import { createSessionModel } from './session-model';
import { createSessionWarningModel } from './session-warning-model';
import { createSettingsModel } from './settings-model';
import { createTextSizeModel } from './text-size-model';
import { createTeamModel } from './team-model';
import { createTransferModel } from './transfer-model';
import { persistView } from './view-store';

/** Every app-level model, fed by ONE subscription to the background. */
export function createAppModel(link: BackgroundLink) {
  const clock = createClockModel();
  const session = createSessionModel(link);
  const settings = createSettingsModel();
  const connection = createConnectionModel(link);
  const agent = createAgentModel(link);
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
  const desk = createDeskModel(link, agent);
  const transfer = createTransferModel(link);
  const consult = createConsultModel(link, agent, notices);
  const team = createTeamModel(link, agent);
  const warnings = createSessionWarningModel(agent, connection, clock, playWarningTone);
  persistView({
    drafts: interactions.drafts,
    consultDrafts: consult.drafts,
    chosen: desk.chosen,
    signedIn: () => (session.session.value === undefined ? undefined : session.session.value !== null),
  });

  link.subscribe((message) =>
    batch(() => {
      // For bench/transcript.ts: when the desk's state reached the panel (first render is timed from here).
      if (message.type === 'sync' && message.state) performance.mark('texto:state-received');
      session.receive(message);
      settings.receive(message);
      connection.receive(message);
      // Before the agent model applies the event: it looks at what is ending.
      consult.receive(message);
      agent.receive(message);
      desk.receive(message);
    }),
  );

  return {
    clock,
    session,
    settings,
    connection,
    agent,
    offers,
    interactions,
    notices,
    desk,
    transfer,
    consult,
    team,
    warnings,
    contactActions,
    mediaLinks,
    textSize,
  };
}

export type AppModel = ReturnType<typeof createAppModel>;
