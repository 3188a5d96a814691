/** A `messages.json` as loaded: each key's `message`. */
export type Messages = Record<string, { message: string }>;

/** `message` with `$1`… filled from `substitutions` and `$$` as `$`, as `i18n.getMessage` does. */
export function fillMessage(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|\d)/g, (_all, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}
