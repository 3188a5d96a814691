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

/** A configured label in the agent's language (French for fr-*, English otherwise). */
export function localizedLabel(label: { en: string; fr: string }, locale: string): string {
  return locale.toLowerCase().startsWith('fr') ? label.fr : label.en;
}

/** A disposition code as the agent reads it (the code itself when it is no longer configured). */
export function dispositionLabel(settings: DispositionSettings | undefined, code: string, locale: string): string {
  const option = settings?.codes.find((c) => c.code === code);
  return option ? localizedLabel(option.label, locale) : code;
}
