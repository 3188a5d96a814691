import { batch } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { createAgentModel } from './agent-model';
import { createClockModel } from './clock-model';
import { createConnectionModel } from './connection-model';
import { createInteractionsModel } from './interactions-model';
import { createNoticesModel } from './notices-model';
import { createOffersModel } from './offers-model';
import { createSessionModel } from './session-model';

/** Every app-level model, fed by ONE subscription to the background. */
export function createAppModel(link: BackgroundLink) {
  const clock = createClockModel();
  const session = createSessionModel(link);
  const connection = createConnectionModel(link);
  const agent = createAgentModel(link);
  const offers = createOffersModel(link, agent);
  const interactions = createInteractionsModel(link, agent);
  const notices = createNoticesModel(connection, agent);

  link.subscribe((message) =>
    batch(() => {
      session.receive(message);
      connection.receive(message);
      agent.receive(message);
    }),
  );

  return { clock, session, connection, agent, offers, interactions, notices };
}

export type AppModel = ReturnType<typeof createAppModel>;
