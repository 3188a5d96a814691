import { foldKeyword } from '../../lib/consent/keywords';
import { sendingHoursOf } from './consent-schema';
import type { ConfigProblem } from './problems';
import type { TextoConfig } from './schema';

/** Consent and sending-hours rules across fields: known numbers, one meaning per keyword, hours that make sense. */
export function consentProblems(config: TextoConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const numbers = new Set(config.numbers.map((n) => n.number));
  config.agents.forEach((agent, i) =>
    (agent.newSmsNumbers ?? []).forEach((number, j) => {
      if (!numbers.has(number)) problems.push({ path: ['agents', i, 'newSmsNumbers', j], message: `${number} is not one of the numbers (declare it under numbers)` });
    }),
  );
  config.numbers.forEach((number, i) => {
    const { from, to } = sendingHoursOf(number);
    if (from >= to) problems.push({ path: ['numbers', i, 'sendingHours', 'to'], message: `must be later than from (${from})` });
    const meaning = new Map<string, string>();
    for (const list of ['optOutKeywords', 'optInKeywords', 'helpKeywords'] as const) {
      number.consent?.[list]?.forEach((keyword, j) => {
        const folded = foldKeyword(keyword);
        const other = meaning.get(folded);
        if (other && other !== list) problems.push({ path: ['numbers', i, 'consent', list, j], message: `"${keyword}" is already in ${other}` });
        meaning.set(folded, list);
      });
    }
  });
  return problems;
}
