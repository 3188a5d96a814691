import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConfigText, DEMO_CONFIG_PATH } from '../../server/config';

const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
const HASH = 'scrypt$16384$8$1$xY5A4l7UP_Ei2hjr5UNBeg$NpqCqoySy_Rlf49ELpT2zJPBArBUvHull330C-C6CRs';

const problemsOf = (text: string) => {
  const checked = checkConfigText(text);
  return checked.ok ? [] : checked.problems;
};

describe('configuration problems a person reads', () => {
  it('lists every problem at once, each with its YAML line and the 1-based entry named beside it', () => {
    const text = [
      'routing:', //                                   1
      '  offerTimeout: 5', //                          2
      'queues:', //                                    3
      '  - name: general', //                          4
      'agents:', //                                    5
      '  - { username: alice, name: Alice, passwordHash: "HASH", queues: [general] }', // 6
      '  - { username: bob, name: Bob, passwordHash: "HASH", queues: [general] }', //     7
      '  - username: carol', //                        8
      '    name: Carol', //                            9
      '    passwordHash: "HASH"', //                   10
      '    capacity: two', //                          11
      '    queues: [general]', //                      12
      '    permisions: []', //                         13
      'numbers:', //                                   14
      '  - number: "+33937000001"', //                 15
      '    mode: pager', //                            16
      '    queue: general', //                         17
    ].join('\n').replaceAll('HASH', HASH);
    expect(problemsOf(text)).toEqual([
      'line 2: routing: unknown key "offerTimeout" (did you mean offerTimeoutSeconds?)',
      'line 11: agents, 3rd entry (carol): capacity must be a number, got "two"',
      'line 13: agents, 3rd entry (carol): unknown key "permisions" (did you mean permissions?)',
      'line 16: numbers, 1st entry (+33937000001): mode must be one of page, session, got "pager"',
    ]);
  });

  it('gives cross-field problems (unknown queues, duplicates) their lines too, all of them', () => {
    const text = demo.replace('queues: [general, claims]\n    permissions: []', 'queues: [general, sales]\n    permissions: []').replace('- number: "+33937000002"', '- number: "+33937000001"');
    const problems = problemsOf(text);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(problems).toEqual([
      `line ${line('newSmsNumbers:')}: agents, 1st entry (alice), newSmsNumbers, 2nd entry: +33937000002 is not one of the numbers (declare it under numbers)`,
      `line ${line('queues: [general, sales]')}: agents, 2nd entry (bob), queues, 2nd entry: unknown queue "sales" (declare it under queues)`,
      `line ${text.split('\n').lastIndexOf('  - number: "+33937000001"') + 1}: numbers, 2nd entry (+33937000001): number: +33937000001 is listed twice (also the 1st entry)`,
    ]);
  });

  it('never shows the validation library wording', () => {
    const text = demo
      .replace('offerTimeoutSeconds: 20', 'offerTimeoutSeconds: 2.5')
      .replace('presenceGraceSeconds: 15', 'presenceGraceSeconds: [15]')
      .replace('spellingWarning: false', 'spellingWarning: maybe')
      .replace('  heartbeatTimeoutSeconds: 60', '  heartbeatTimeoutSeconds: 60\n  colour: blue')
      .replace('    name: Bob Durand\n', '');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.stringMatching(/^line \d+: server: unknown key "colour" \(allowed here: host, port, heartbeatTimeoutSeconds, maxFrameBytes, requestTimeoutSeconds, maxSocketsPerAddress, helloTimeoutSeconds, maxSendBufferBytes, maxInboundInFlight, hostNames, allowedOrigins\)$/),
      expect.stringMatching(/^line \d+: routing: offerTimeoutSeconds must be a whole number, got 2\.5$/),
      expect.stringMatching(/^line \d+: routing: presenceGraceSeconds must be a number, got a list$/),
      expect.stringMatching(/^line \d+: compose: spellingWarning must be true or false, got "maybe"$/),
      expect.stringMatching(/^line \d+: agents, 2nd entry \(bob\): name is missing \(it is required\)$/),
    ]);
    for (const problem of problems) expect(problem).not.toMatch(/Expected|Invalid|never|received/);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(problemsOf('queues:\n  - name: general\nagents: [unclosed\nnumbers: []\n')).toEqual([expect.stringMatching(/^line \d: not valid YAML: /)]);
  });
});
