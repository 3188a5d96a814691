import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../server/config';
import { numberConsent } from '../../server/consent/settings';

const HASH = 'scrypt$16384$8$1$xY5A4l7UP_Ei2hjr5UNBeg$NpqCqoySy_Rlf49ELpT2zJPBArBUvHull330C-C6CRs';
const base = (numberLines: string[], agentLines: string[] = [], top: string[] = []) =>
  [
    ...top,
    'queues:',
    '  - name: general',
    'agents:',
    `  - username: alice`,
    '    name: Alice',
    `    passwordHash: "${HASH}"`,
    '    queues: [general]',
    ...agentLines,
    'numbers:',
    '  - number: "+33937000001"',
    '    mode: page',
    '    queue: general',
    ...numberLines,
  ].join('\n');

const problemsOf = (text: string) => {
  const checked = checkConfigText(text);
  return checked.ok ? [] : checked.problems;
};

describe('consent and sending-hours configuration', () => {
  it('reports bad keywords, answers, hours, days and permissions in plain words', () => {
    const text = base(
      [
        '    consent:',
        '      language: de',
        '      optOutKeywords: ["!!!", STOP]',
        '      optInKeywords: [stop]',
        `      optOutReply: "${'x'.repeat(400)}"`,
        '    sendingHours:',
        '      timeZone: Europe/Pariss',
        '      days: [monday]',
        '      from: "8h"',
        '      holidays: [2026-13-01]',
      ],
      ['    newSmsNumbers: ["+33937009999"]'],
      ['consent:', '  scope: everywhere'],
    );
    expect(problemsOf(text)).toEqual([
      'line 2: consent: scope must be one of number, centre, got "everywhere"',
      'line 16: numbers, 1st entry (+33937000001), consent: language must be one of en, fr, got "de"',
      'line 17: numbers, 1st entry (+33937000001), consent, optOutKeywords, 1st entry: a keyword needs at least one letter or digit',
      'line 19: numbers, 1st entry (+33937000001), consent: optOutReply is longer than two SMS (306 characters)',
      'line 21: numbers, 1st entry (+33937000001), sendingHours: timeZone: an IANA time zone such as Europe/Paris',
      'line 22: numbers, 1st entry (+33937000001), sendingHours, days, 1st entry: a day: mon, tue, wed, thu, fri, sat or sun',
      'line 23: numbers, 1st entry (+33937000001), sendingHours: from: a time of day such as 08:00 or 20:30',
      'line 24: numbers, 1st entry (+33937000001), sendingHours, holidays, 1st entry: a date such as 2026-12-25',
    ]);
  });

  it('checks across fields: a keyword in two lists, hours that end before they start, a number the centre does not have', () => {
    const text = base(
      ['    consent:', '      optOutKeywords: [STOP]', '      optInKeywords: [Stop!]', '    sendingHours: { from: "20:00", to: "08:00" }'],
      ['    newSmsNumbers: ["+33937009999"]'],
    );
    expect(problemsOf(text)).toEqual([
      'line 8: agents, 1st entry (alice), newSmsNumbers, 1st entry: +33937009999 is not one of the numbers (declare it under numbers)',
      'line 15: numbers, 1st entry (+33937000001), consent, optInKeywords, 1st entry: "Stop!" is already in optOutKeywords',
      'line 16: numbers, 1st entry (+33937000001), sendingHours: to must be later than from (20:00)',
    ]);
  });

  it('fills the defaults in the number\'s language', () => {
    const checked = checkConfigText(base(['    caseData: { language: fr }']));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const consent = numberConsent(checked.config, '+33937000001');
    expect(consent.language).toBe('fr');
    expect(consent.answers.optOut).toMatch(/^Vous ne recevrez plus nos SMS/);
    expect(consent.keywords.optOut).toContain('ARRET');
    expect(numberConsent(checked.config, '+33937000009').language).toBe('en');
  });
});
