// Variables in standard responses: {contact.firstName}, {agent.name}… are filled from the
// interaction's contact and the signed-in agent when the response is inserted.

export const KNOWN_VARIABLES = [
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'contact.phone',
  'agent.firstName',
  'agent.lastName',
  'agent.name',
] as const;
export type KnownVariable = (typeof KNOWN_VARIABLES)[number];

/** Values for the variables; undefined where unknown (a contact not in the directory has no name). */
export type VariableValues = Partial<Record<KnownVariable, string>>;

export interface FilledText {
  text: string;
  /** Where a variable had no value and a placeholder stands instead (UTF-16 offsets in `text`). */
  placeholders: { variable: KnownVariable; start: number; end: number }[];
  /** Variables the panel does not know, left in the text exactly as written. */
  unknown: string[];
}

// `{` name `.` name `}`, with spaces tolerated inside the braces: { contact.firstName }.
const VARIABLE = /\{\s*([A-Za-z]+(?:\.[A-Za-z]+)+)\s*\}/g;
const BY_LOWERCASE = new Map<string, KnownVariable>(KNOWN_VARIABLES.map((name) => [name.toLowerCase(), name]));

/**
 * Fills the variables of a response. A known variable without a value becomes
 * `placeholder(variable)` (visible, for the agent to replace), never an empty string; a variable
 * the panel does not know stays as typed, so a typo in the library shows instead of vanishing.
 */
export function fillVariables(template: string, values: VariableValues, placeholder: (variable: KnownVariable) => string): FilledText {
  const placeholders: FilledText['placeholders'] = [];
  const unknown: string[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(VARIABLE)) {
    const variable = BY_LOWERCASE.get(match[1]!.toLowerCase());
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    if (!variable) {
      unknown.push(match[0]);
      text += match[0];
      continue;
    }
    const value = values[variable]?.trim();
    if (value) {
      text += value;
      continue;
    }
    const shown = placeholder(variable);
    placeholders.push({ variable, start: text.length, end: text.length + shown.length });
    text += shown;
  }
  return { text: text + template.slice(last), placeholders, unknown };
}

/** The variables a template uses that the panel does not know (the server warns the administrator). */
export function unknownVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].filter((m) => !BY_LOWERCASE.has(m[1]!.toLowerCase())).map((m) => m[0]);
}

/** "Camille Lefebvre" → first "Camille", last "Lefebvre"; one word is a first name only. */
function splitName(name: string | undefined): { first?: string; last?: string } {
  const words = name?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return {};
  return { first: words[0], ...(words.length > 1 ? { last: words.slice(1).join(' ') } : {}) };
}

/** The values for one interaction: its contact (name only when known) and the agent. */
export function variableValues(contact: { name?: string | undefined; phone: string }, agentName: string | undefined): VariableValues {
  const customer = splitName(contact.name);
  const agent = splitName(agentName);
  return {
    'contact.firstName': customer.first,
    'contact.lastName': customer.last,
    'contact.name': contact.name?.trim() || undefined,
    'contact.phone': contact.phone,
    'agent.firstName': agent.first,
    'agent.lastName': agent.last,
    'agent.name': agentName?.trim() || undefined,
  };
}

/**
 * Where the reply still holds a variable nobody filled: a placeholder left in by a response
 * (`[first name]`) or a known variable typed or pasted as such (`{contact.firstName}`). Such a
 * reply is not sent: the customer would read the brackets.
 */
export function unfilledVariables(text: string, placeholder: (variable: KnownVariable) => string): { variable: KnownVariable; start: number; end: number }[] {
  const found: { variable: KnownVariable; start: number; end: number }[] = [];
  for (const variable of KNOWN_VARIABLES) {
    const shown = placeholder(variable);
    for (let at = text.indexOf(shown); at >= 0; at = text.indexOf(shown, at + shown.length)) found.push({ variable, start: at, end: at + shown.length });
  }
  for (const match of text.matchAll(VARIABLE)) {
    const variable = BY_LOWERCASE.get(match[1]!.toLowerCase());
    if (variable) found.push({ variable, start: match.index, end: match.index + match[0].length });
  }
  // "[name]" also sits inside "[first name]": keep the outer range only.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((range, i) => !found.slice(0, i).some((other) => other.start <= range.start && range.end <= other.end));
}
