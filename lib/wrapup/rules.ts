import type { DispositionOption, DispositionSettings } from '../protocol';

// Wrap-up rules shared by the server (which enforces them) and the panel (which explains them).

/** Whether an interaction of `queue` needs a disposition before Mark Done (and a page-mode reply). */
export function dispositionRequired(settings: DispositionSettings | undefined, queue: string): boolean {
  if (!settings || settings.codes.length === 0) return false;
  return settings.required || settings.requiredQueues.includes(queue);
}

/** The codes an agent may choose on an interaction of `queue`, in configuration order. */
export function dispositionsFor(settings: DispositionSettings | undefined, queue: string): DispositionOption[] {
  return (settings?.codes ?? []).filter((option) => !option.queues || option.queues.includes(queue));
}
