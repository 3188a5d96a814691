import { batch } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { createAgentModel } from './agent-model';
import { createClockModel } from './clock-model';
import { createConnectionModel } from './connection-model';
import { createInteractionsModel } from './interactions-model';
import { createNoticesModel } from './notices-model';
import { createOffersModel } from './offers-model';
import { createResponsesModel } from './responses-model';
import { createSessionModel } from './session-model';
import { createSettingsModel } from './settings-model';
import { createSpellingModel } from './spelling-model';

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
  const spelling = createSpellingModel(settings);
  const responses = createResponsesModel(link, session, settings);

  link.subscribe((message) =>
    batch(() => {
      session.receive(message);
      settings.receive(message);
      connection.receive(message);
      agent.receive(message);
    }),
  );

  return { clock, session, settings, connection, agent, offers, interactions, notices, spelling, responses };
}

export type AppModel = ReturnType<typeof createAppModel>;
