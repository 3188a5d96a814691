import { DEFAULT_SESSION_INACTIVITY_SECONDS, type CentreNumberConfig, type TextoConfig } from './schema';

/** A session-mode number's inactivity time: its own, else its queue's, else the default (600 s). */
export function sessionInactivitySeconds(config: TextoConfig, number: CentreNumberConfig): number {
  return (
    number.sessionInactivitySeconds ??
    config.queues.find((q) => q.name === number.queue)?.sessionInactivitySeconds ??
    DEFAULT_SESSION_INACTIVITY_SECONDS
  );
}
