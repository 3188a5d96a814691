import { consentProblems } from './consent-references';
import type { ConfigProblem } from './problems';
import { ordinal } from './problems';
import type { TextoConfig } from './schema';

// Cross-field rules the schema cannot express: unique keys and references to queues. Every
// problem is reported (not only the first), each with the path of the value at fault.

function duplicates(values: readonly string[], path: (i: number) => ConfigProblem['path'], what: (value: string, first: number) => string) {
  const problems: ConfigProblem[] = [];
  const firstIndex = new Map<string, number>();
  values.forEach((value, i) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, i);
    else problems.push({ path: path(i), message: what(value, first) });
  });
  return problems;
}

const twice = (value: string, first: number) => `"${value}" is already used by the ${ordinal(first + 1)} entry`;
const unknownQueue = (queue: string) => `unknown queue "${queue}" (declare it under queues)`;

export function referenceProblems(config: TextoConfig): ConfigProblem[] {
  const queues = new Set(config.queues.map((q) => q.name));
  const problems: ConfigProblem[] = [
    ...duplicates(config.queues.map((q) => q.name), (i) => ['queues', i, 'name'], twice),
    ...duplicates(config.agents.map((a) => a.username), (i) => ['agents', i, 'username'], twice),
    ...duplicates(config.agents.map((a) => a.id ?? a.username), (i) => ['agents', i, config.agents[i]?.id ? 'id' : 'username'], (value, first) => `id "${value}" is already the id of the ${ordinal(first + 1)} entry`),
    ...duplicates(config.numbers.map((n) => n.number), (i) => ['numbers', i, 'number'], (value, first) => `${value} is listed twice (also the ${ordinal(first + 1)} entry)`),
    ...duplicates(config.contacts.map((c) => c.id), (i) => ['contacts', i, 'id'], twice),
  ];
  config.agents.forEach((agent, i) =>
    agent.queues.forEach((queue, j) => {
      if (!queues.has(queue)) problems.push({ path: ['agents', i, 'queues', j], message: unknownQueue(queue) });
    }),
  );
  config.numbers.forEach((number, i) => {
    if (!queues.has(number.queue)) problems.push({ path: ['numbers', i, 'queue'], message: unknownQueue(number.queue) });
  });
  const gatewayIds = config.gateways.map((g) => g.id);
  problems.push(
    ...duplicates([...gatewayIds, 'simulator'], (i) => (i < gatewayIds.length ? ['gateways', i, 'id'] : ['gateways']), (value) =>
      value === 'simulator' ? '"simulator" is the built-in gateway: choose another id' : `id "${value}" is used twice`,
    ),
  );
  config.numbers.forEach((number, i) => {
    if (number.gateway !== 'simulator' && !gatewayIds.includes(number.gateway)) {
      problems.push({ path: ['numbers', i, 'gateway'], message: `unknown gateway "${number.gateway}" (declare it under gateways, or use simulator)` });
    }
  });
  const owner = new Map<string, number>();
  config.contacts.forEach((contact, i) =>
    contact.phones.forEach((phone, j) => {
      const first = owner.get(phone);
      if (first !== undefined && first !== i) {
        problems.push({ path: ['contacts', i, 'phones', j], message: `${phone} already belongs to the ${ordinal(first + 1)} entry` });
      }
      owner.set(phone, first ?? i);
    }),
  );
  return [...problems, ...dispositionProblems(config, queues), ...responseProblems(config), ...consentProblems(config)];
}

function dispositionProblems(config: TextoConfig, queues: Set<string>): ConfigProblem[] {
  const { codes, required, requiredQueues } = config.dispositions;
  const problems = duplicates(codes.map((c) => c.code), (i) => ['dispositions', 'codes', i, 'code'], twice);
  requiredQueues.forEach((queue, j) => {
    if (!queues.has(queue)) problems.push({ path: ['dispositions', 'requiredQueues', j], message: unknownQueue(queue) });
  });
  codes.forEach((code, i) =>
    (code.queues ?? []).forEach((queue, k) => {
      if (!queues.has(queue)) problems.push({ path: ['dispositions', 'codes', i, 'queues', k], message: unknownQueue(queue) });
    }),
  );
  if ((required || requiredQueues.length > 0) && codes.length === 0) {
    problems.push({ path: ['dispositions'], message: 'a disposition is required but no codes are configured (add dispositions.codes)' });
    return problems;
  }
  for (const queue of required ? [...queues] : requiredQueues.filter((q) => queues.has(q))) {
    if (!codes.some((c) => !c.queues || c.queues.includes(queue))) {
      problems.push({ path: ['dispositions'], message: `a disposition is required in queue "${queue}" but no code is offered there` });
    }
  }
  return problems;
}

/** Standard responses: ids unique, and one response per shortcut and language. */
function responseProblems(config: TextoConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = new Set<string>();
  const shortcuts = new Map<string, string>();
  config.standardResponses.forEach((category, i) =>
    category.responses.forEach((response, j) => {
      const id = response.id ?? `${i + 1}.${j + 1}`;
      if (ids.has(id)) problems.push({ path: ['standardResponses', i, 'responses', j, 'id'], message: `"${id}" is used twice` });
      ids.add(id);
      if (!response.shortcut) return;
      const key = `${response.shortcut.toLowerCase()} ${response.language}`;
      const other = shortcuts.get(key);
      if (other) {
        problems.push({
          path: ['standardResponses', i, 'responses', j, 'shortcut'],
          message: `${response.shortcut} (${response.language}) is already the shortcut of "${other}"`,
        });
      } else shortcuts.set(key, response.name);
    }),
  );
  return problems;
}
