import type { ReadonlySignal } from '@preact/signals';

/**
 * A time in epoch ms that ticks once a second (the local clock, or the server's). Only the
 * components that show a countdown or an elapsed time read its value, so a tick re-renders those
 * few nodes and never the transcript or the message box around them; the components in between
 * pass the signal along unread.
 */
export type TickingTime = ReadonlySignal<number>;
