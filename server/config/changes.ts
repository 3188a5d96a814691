import type { TextoConfig } from './schema';

// What a reload changes, in lines for the log, and which agents it affects.

const idOf = (agent: TextoConfig['agents'][number]) => agent.id ?? agent.username;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Settings read once at start: a reload records them but they apply at the next restart. */
export const RESTART_ONLY = ['server.host', 'server.port', 'server.heartbeatTimeoutSeconds', 'routing.presenceGraceSeconds', 'simulator', 'media'];

export interface ConfigChanges {
  lines: string[];
  removedAgents: string[];
  passwordChanged: string[];
  restartNeeded: string[];
}

function keyed<T>(items: readonly T[], key: (item: T) => string) {
  return new Map(items.map((item) => [key(item), item]));
}

/** Added, removed and changed entries of a list, by key; changed ones name their fields. */
function listChanges<T extends object>(label: string, before: readonly T[], after: readonly T[], key: (item: T) => string, hidden: string[] = []) {
  const lines: string[] = [];
  const old = keyed(before, key);
  const now = keyed(after, key);
  for (const [k, item] of now) {
    const previous = old.get(k);
    if (!previous) lines.push(`${label} ${k} added`);
    else if (!same(previous, item)) {
      const fields = [...new Set([...Object.keys(previous), ...Object.keys(item)])].filter(
        (f) => !same((previous as Record<string, unknown>)[f], (item as Record<string, unknown>)[f]),
      );
      const shown = fields.map((f) => (hidden.includes(f) ? f : `${f} ${JSON.stringify((previous as Record<string, unknown>)[f])} → ${JSON.stringify((item as Record<string, unknown>)[f])}`));
      lines.push(`${label} ${k} changed: ${shown.join(', ')}`);
    }
  }
  for (const k of old.keys()) if (!now.has(k)) lines.push(`${label} ${k} removed`);
  return lines;
}

function sectionChanges(before: TextoConfig, after: TextoConfig): string[] {
  const lines: string[] = [];
  const sections = Object.keys({ ...before, ...after }).filter((k) => !['agents', 'queues', 'numbers'].includes(k)) as (keyof TextoConfig)[];
  for (const section of sections) {
    const a = before[section] as unknown;
    const b = after[section] as unknown;
    if (same(a, b)) continue;
    const plain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    if (plain(a) && plain(b) && section !== 'dialer' && section !== 'email') {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same(a[key], b[key])) lines.push(`${section}.${key}: ${JSON.stringify(a[key]) ?? 'unset'} → ${JSON.stringify(b[key]) ?? 'unset'}`);
      }
    } else if (Array.isArray(a) && Array.isArray(b)) lines.push(`${section}: ${a.length} → ${b.length} entries, changed`);
    else lines.push(`${section}: ${JSON.stringify(a) ?? 'unset'} → ${JSON.stringify(b) ?? 'unset'}`);
  }
  return lines;
}

export function configChanges(before: TextoConfig, after: TextoConfig): ConfigChanges {
  const lines = [
    ...listChanges('agent', before.agents, after.agents, idOf, ['passwordHash']),
    ...listChanges('queue', before.queues, after.queues, (q) => q.name),
    ...listChanges('number', before.numbers, after.numbers, (n) => n.number),
    ...sectionChanges(before, after),
  ];
  const now = keyed(after.agents, idOf);
  const removedAgents = before.agents.map(idOf).filter((id) => !now.has(id));
  const passwordChanged = before.agents.filter((a) => now.has(idOf(a)) && now.get(idOf(a))!.passwordHash !== a.passwordHash).map(idOf);
  const restartNeeded = lines
    .map((line) => RESTART_ONLY.find((prefix) => line.startsWith(`${prefix}.`) || line.startsWith(`${prefix}:`)))
    .filter((prefix): prefix is string => prefix !== undefined);
  return { lines, removedAgents, passwordChanged, restartNeeded };
}
