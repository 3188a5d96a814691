import { signal } from '@preact/signals';

/** One ticking clock for every timer on screen (offer countdowns, elapsed times, reconnect). */
export function createClockModel(tickMs = 1000) {
  const now = signal(Date.now());
  setInterval(() => {
    now.value = Date.now();
  }, tickMs);
  return { now };
}

export type ClockModel = ReturnType<typeof createClockModel>;
