import { signal } from '@preact/signals';

/**
 * Per-item busy flags and error messages for actions on offers and interactions, keyed by
 * interaction id (several interactions may be open at once).
 */
export function createActionTracker() {
  const busy = signal<ReadonlySet<string>>(new Set());
  const errors = signal<ReadonlyMap<string, string>>(new Map());

  const setBusy = (id: string, on: boolean) => {
    const next = new Set(busy.value);
    if (on) next.add(id);
    else next.delete(id);
    busy.value = next;
  };
  const setError = (id: string, message: string | null) => {
    const next = new Map(errors.value);
    if (message === null) next.delete(id);
    else next.set(id, message);
    errors.value = next;
  };

  return {
    busy,
    errors,
    /** Runs one action for `id`: busy meanwhile, its error (if any) kept for the agent to read. */
    async run(id: string, action: () => Promise<{ ok: true } | { ok: false; message: string }>): Promise<boolean> {
      if (busy.value.has(id)) return false;
      setBusy(id, true);
      setError(id, null);
      const outcome = await action();
      setBusy(id, false);
      if (!outcome.ok) setError(id, outcome.message);
      return outcome.ok;
    },
  };
}
