import { effect, signal } from '@preact/signals';
import { newlyWarned } from '@/lib/session/timer';
import type { AgentModel } from './agent-model';
import type { ClockModel } from './clock-model';
import type { ConnectionModel } from './connection-model';

/**
 * Sounds a chime when a session enters its last minute before ending for inactivity, whichever
 * tab is shown (the visible warning is in the session's timer and its tab). `cues` counts the
 * chimes played, shown on the work area as data-warning-cues so that tests can hear them.
 */
export function createSessionWarningModel(agent: AgentModel, connection: ConnectionModel, clock: ClockModel, play: () => void) {
  const cues = signal(0);
  let warned = new Set<string>();
  effect(() => {
    const serverNow = connection.serverNow(clock.now.value);
    const sessions = (agent.state.value?.interactions ?? []).flatMap((i) =>
      i.inactivityDeadline !== undefined && !i.ended ? [{ id: i.id, deadline: i.inactivityDeadline }] : [],
    );
    const next = newlyWarned(sessions, serverNow, warned);
    warned = next.warned;
    if (next.fresh.length === 0) return;
    play();
    cues.value += 1;
  });
  return { cues };
}

export type SessionWarningModel = ReturnType<typeof createSessionWarningModel>;
