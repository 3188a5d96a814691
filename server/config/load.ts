import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { describeIssues } from '../../lib/protocol';
import { TextoConfig } from './schema';

/** The demo configuration shipped with the repository (`config/demo.yaml`). */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads, parses and validates a YAML configuration file; errors name the file and the field. */
export function loadConfigFile(path: string): TextoConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration file ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  return parseConfig(raw, path);
}

/** Validates an already-parsed configuration object (tests build one in code). */
export function parseConfig(raw: unknown, source = 'configuration'): TextoConfig {
  const result = v.safeParse(TextoConfig, raw);
  if (!result.success) throw new ConfigError(`${source}: ${describeIssues(result.issues)}`);
  const problem = findReferenceProblem(result.output);
  if (problem) throw new ConfigError(`${source}: ${problem}`);
  return result.output;
}

/** Cross-field rules the schema cannot express: unique keys and references to queues. */
function findReferenceProblem(config: TextoConfig): string | undefined {
  const queues = new Set(config.queues.map((q) => q.name));
  const seen = (values: string[]) => values.find((value, i) => values.indexOf(value) !== i);
  const duplicateQueue = seen(config.queues.map((q) => q.name));
  if (duplicateQueue) return `queues: "${duplicateQueue}" is listed twice`;
  const duplicateUser = seen(config.agents.map((a) => a.username));
  if (duplicateUser) return `agents: username "${duplicateUser}" is listed twice`;
  const duplicateId = seen(config.agents.map((a) => a.id ?? a.username));
  if (duplicateId) return `agents: id "${duplicateId}" is used twice`;
  for (const [i, agent] of config.agents.entries()) {
    const j = agent.queues.findIndex((q) => !queues.has(q));
    if (j >= 0) return `agents[${i}].queues[${j}]: unknown queue "${agent.queues[j]}" (declare it under queues)`;
  }
  const duplicateNumber = seen(config.numbers.map((n) => n.number));
  if (duplicateNumber) return `numbers: ${duplicateNumber} is listed twice`;
  for (const [i, number] of config.numbers.entries()) {
    if (!queues.has(number.queue)) return `numbers[${i}].queue: unknown queue "${number.queue}" (declare it under queues)`;
  }
  const gatewayIds = config.gateways.map((g) => g.id);
  const duplicateGateway = seen([...gatewayIds, 'simulator']);
  if (duplicateGateway) return `gateways: id "${duplicateGateway}" is used twice ("simulator" is the built-in one)`;
  for (const [i, number] of config.numbers.entries()) {
    if (number.gateway !== 'simulator' && !gatewayIds.includes(number.gateway)) {
      return `numbers[${i}].gateway: unknown gateway "${number.gateway}" (declare it under gateways, or use simulator)`;
    }
  }
  const duplicateContact = seen(config.contacts.map((c) => c.id));
  if (duplicateContact) return `contacts: id "${duplicateContact}" is used twice`;
  const duplicatePhone = seen(config.contacts.flatMap((c) => c.phones));
  if (duplicatePhone) return `contacts: ${duplicatePhone} belongs to two contacts`;
  return dispositionProblem(config, queues) ?? findResponsesProblem(config);
}

function dispositionProblem(config: TextoConfig, queues: Set<string>): string | undefined {
  const { codes, required, requiredQueues } = config.dispositions;
  const codeList = codes.map((c) => c.code);
  const duplicate = codeList.find((code, i) => codeList.indexOf(code) !== i);
  if (duplicate) return `dispositions.codes: "${duplicate}" is listed twice`;
  const j = requiredQueues.findIndex((q) => !queues.has(q));
  if (j >= 0) return `dispositions.requiredQueues[${j}]: unknown queue "${requiredQueues[j]}" (declare it under queues)`;
  for (const [i, code] of codes.entries()) {
    const k = (code.queues ?? []).findIndex((q) => !queues.has(q));
    if (k >= 0) return `dispositions.codes[${i}].queues[${k}]: unknown queue "${code.queues![k]}" (declare it under queues)`;
  }
  if ((required || requiredQueues.length > 0) && codes.length === 0) {
    return 'dispositions: a disposition is required but no codes are configured (add dispositions.codes)';
  }
  for (const queue of required ? [...queues] : requiredQueues) {
    if (!codes.some((c) => !c.queues || c.queues.includes(queue))) {
      return `dispositions: a disposition is required in queue "${queue}" but no code is offered there`;
    }
  }
  return undefined;
}

/** Standard responses: ids unique, and one response per shortcut and language. */
function findResponsesProblem(config: TextoConfig): string | undefined {
  const ids = new Set<string>();
  const shortcuts = new Map<string, string>();
  for (const [i, category] of config.standardResponses.entries()) {
    for (const [j, response] of category.responses.entries()) {
      const where = `standardResponses[${i}].responses[${j}]`;
      const id = response.id ?? `${i + 1}.${j + 1}`;
      if (ids.has(id)) return `${where}.id: "${id}" is used twice`;
      ids.add(id);
      if (!response.shortcut) continue;
      const key = `${response.shortcut.toLowerCase()} ${response.language}`;
      const other = shortcuts.get(key);
      if (other) return `${where}.shortcut: ${response.shortcut} (${response.language}) is already the shortcut of "${other}"`;
      shortcuts.set(key, response.name);
    }
  }
  return undefined;
}
