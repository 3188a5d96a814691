import type * as v from 'valibot';

// Configuration problems as a person reads them: where (1-based entries named by their username,
// number, code…), what is wrong in plain words, and the YAML line. Valibot's own wording
// ("Invalid type: Expected never but received …") never reaches the administrator.

export type ConfigPath = readonly (string | number)[];

export interface ConfigProblem {
  path: ConfigPath;
  message: string;
  /** Where the YAML line is looked up when it is not `path` (an unknown key: the key itself). */
  at?: ConfigPath;
}

/** The fields that name an entry of a list, in the order they are looked for. */
const NAMING_KEYS = ['username', 'number', 'name', 'code', 'id', 'category'];

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function childOf(value: unknown, key: string | number): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
}

function entryLabel(item: unknown, index: number): string {
  const named = NAMING_KEYS.map((key) => childOf(item, key)).find((value): value is string => typeof value === 'string' && value !== '');
  return `${ordinal(index + 1)} entry${named === undefined ? '' : ` (${named})`}`;
}

/** "agents, 3rd entry (carol)" for the path of the entry; `raw` is the file as parsed. */
export function describePlace(path: ConfigPath, raw: unknown): string {
  const parts: string[] = [];
  let value = raw;
  for (const key of path) {
    const next = childOf(value, key);
    parts.push(typeof key === 'number' ? entryLabel(next, key) : key);
    value = next;
  }
  return parts.join(', ');
}

/** One problem on one line: `agents, 3rd entry (carol): capacity must be a number, got "two"`. */
export function describeProblem(problem: ConfigProblem, raw: unknown): string {
  const { path, message } = problem;
  const last = path.at(-1);
  if (typeof last !== 'string') return path.length === 0 ? message : `${describePlace(path, raw)}: ${message}`;
  const place = describePlace(path.slice(0, -1), raw);
  // "capacity must be …" reads as a sentence; "number: a phone number in E.164 form" needs the colon.
  const field = /^(must|is|needs|has) /.test(message) ? `${last} ${message}` : `${last}: ${message}`;
  return place ? `${place}: ${field}` : field;
}

export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of settings';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  Array: 'a list',
  Object: 'a group of settings (key: value)',
};

function expectedWords(expected: string | null): string {
  if (!expected) return 'something else';
  if (EXPECTED[expected]) return EXPECTED[expected];
  const choices = expected.replace(/^\(|\)$/g, '').split(' | ');
  if (choices.every((c) => /^".*"$/.test(c))) return `one of ${choices.map((c) => c.slice(1, -1)).join(', ')}`;
  return choices.map((c) => EXPECTED[c] ?? c).join(' or ');
}

/** Valibot's message when the schema gave none of its own (they all start with "Invalid"). */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  const got = `got ${shown(issue.input)}`;
  const requirement = (issue as { requirement?: unknown }).requirement;
  const isList = Array.isArray(issue.input);
  switch (issue.type) {
    case 'integer':
      return `must be a whole number, ${got}`;
    case 'min_value':
      return `must be at least ${String(requirement)}, ${got}`;
    case 'max_value':
      return `must be at most ${String(requirement)}, ${got}`;
    case 'min_length':
      if (isList) return `needs at least ${String(requirement)} ${requirement === 1 ? 'entry' : 'entries'}`;
      return requirement === 1 ? 'must not be empty' : `must have at least ${String(requirement)} characters`;
    case 'max_length':
      return `must have at most ${String(requirement)} ${isList ? 'entries' : 'characters'}, ${isList ? `got ${(issue.input as unknown[]).length}` : got}`;
    case 'regex':
      return `has the wrong format, ${got}`;
    default:
      if (issue.kind === 'schema' && issue.input === undefined) return 'is missing (it is required)';
      return `must be ${expectedWords(issue.expected)}, ${got}`;
  }
}

/** The keys an object in the schema allows at `path` (for "did you mean …?"). */
function allowedKeys(schema: v.GenericSchema, path: ConfigPath): string[] {
  type Node = { type: string; wrapped?: Node; entries?: Record<string, Node>; item?: Node; value?: Node };
  let node: Node | undefined = schema;
  const unwrap = (n: Node | undefined) => {
    while (n?.wrapped) n = n.wrapped;
    return n;
  };
  for (const key of path) {
    node = unwrap(node);
    if (!node) return [];
    node = typeof key === 'number' ? node.item : (node.entries?.[key] ?? node.value);
  }
  return Object.keys(unwrap(node)?.entries ?? {});
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The allowed key closest to a misspelt one, if one is close enough to be what was meant. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { key: string; score: number } | undefined;
  for (const candidate of allowed) {
    const other = candidate.toLowerCase();
    const prefix = other.startsWith(lower) || lower.startsWith(other);
    const score = prefix && Math.min(lower.length, other.length) >= 4 ? 0.5 : distance(lower, other);
    if (score <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || score < best.score)) best = { key: candidate, score };
  }
  return best?.key;
}

/** A validation issue as a problem with its path (the path of an unknown key is its object's). */
export function problemOfIssue(issue: v.BaseIssue<unknown>, schema: v.GenericSchema): ConfigProblem {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(path.at(-1));
    const parentPath = path.slice(0, -1);
    const allowed = allowedKeys(schema, parentPath);
    const guess = closestKey(key, allowed);
    const hint = guess ? ` (did you mean ${guess}?)` : allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
    return { path: parentPath, message: `unknown key "${key}"${hint}`, at: path };
  }
  return { path, message: issue.message.startsWith('Invalid ') ? plainMessage(issue) : issue.message };
}
