import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { describeProblem, problemOfIssue, type ConfigProblem } from './problems';
import { referenceProblems } from './references';
import { TextoConfig } from './schema';

/** The demo configuration shipped with the repository (`config/demo.yaml`). */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url));

/** A refused configuration: `problems` lists every one, each on one line ("line 12: agents, …"). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(problems.length === 1 ? `${source}: ${problems[0]}` : `${source}: ${problems.length} problems\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export type ConfigCheck = { ok: true; config: TextoConfig } | { ok: false; problems: string[] };

/** Validates a parsed configuration; `lineOf` (from the YAML document) adds each problem's line. */
function check(raw: unknown, lineOf?: (path: readonly (string | number)[]) => number | undefined): ConfigCheck {
  const result = v.safeParse(TextoConfig, raw);
  const problems: ConfigProblem[] = result.success ? referenceProblems(result.output) : result.issues.map((issue) => problemOfIssue(issue, TextoConfig));
  if (problems.length === 0 && result.success) return { ok: true, config: result.output };
  const lines = problems.map((problem) => {
    const line = lineOf?.(problem.at ?? problem.path);
    return { line, text: `${line === undefined ? '' : `line ${line}: `}${describeProblem(problem, raw)}` };
  });
  lines.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, problems: lines.map((l) => l.text) };
}

/** The line of the value at `path` in the document, else of the nearest enclosing value. */
function lineFinder(doc: Document, counter: LineCounter) {
  return (path: readonly (string | number)[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Checks YAML text: every problem at once, with its line number. */
export function checkConfigText(text: string): ConfigCheck {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => `line ${counter.linePos(error.pos[0]).line}: not valid YAML: ${error.message.split('\n')[0]}`),
    };
  }
  return check(doc.toJS(), lineFinder(doc, counter));
}

/** Reads a file and checks it (the `check-config` command and reloads). */
export function checkConfigFile(path: string): ConfigCheck {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`cannot read the configuration file: ${(error as Error).message}`] };
  }
  return checkConfigText(text);
}

/** Reads, parses and validates a YAML configuration file; throws a ConfigError listing every problem. */
export function loadConfigFile(path: string): TextoConfig {
  const checked = checkConfigFile(path);
  if (!checked.ok) throw new ConfigError(path, checked.problems);
  return checked.config;
}

/** Validates an already-parsed configuration object (tests build one in code). */
export function parseConfig(raw: unknown, source = 'configuration'): TextoConfig {
  const checked = check(raw);
  if (!checked.ok) throw new ConfigError(source, checked.problems);
  return checked.config;
}
