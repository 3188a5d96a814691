import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, loadConfigFile, parseConfig } from '../../server/config';
import { sessionInactivitySeconds } from '../../server/config/session-inactivity';

type Raw = Record<string, unknown> & { agents: Record<string, unknown>[]; numbers: Record<string, unknown>[]; queues: Record<string, unknown>[] };
const demo = () => structuredClone(loadConfigFile(DEMO_CONFIG_PATH)) as unknown as Raw;

describe('session and Team Communicator configuration', () => {
  it('takes the inactivity time from the number, else its queue, else 600 s', () => {
    const raw = demo();
    raw.queues[0]!.sessionInactivitySeconds = 120;
    raw.numbers.push({ number: '+33937000009', mode: 'session', queue: 'general' });
    const config = parseConfig(raw, 'test.yaml');
    // general (queue time), the session number's own 600, claims (no queue time: 600), the new one.
    expect(config.numbers.map((n) => sessionInactivitySeconds(config, n))).toEqual([120, 600, 600, 120]);
    delete raw.queues[0]!.sessionInactivitySeconds;
    const plain = parseConfig(raw, 'test.yaml');
    expect(sessionInactivitySeconds(plain, plain.numbers[3]!)).toBe(600);
  });

  it('accepts a few seconds (test configurations) but not zero', () => {
    const raw = demo();
    raw.numbers[1]!.sessionInactivitySeconds = 2;
    expect(parseConfig(raw, 'test.yaml').numbers[1]?.sessionInactivitySeconds).toBe(2);
    raw.numbers[1]!.sessionInactivitySeconds = 0;
    expect(() => parseConfig(raw, 'test.yaml')).toThrow('test.yaml: numbers, 2nd entry (+33937000002): sessionInactivitySeconds must be at least 1, got 0');
  });

  it('gives the demo agents internal extensions and refuses one that is not a phone extension', () => {
    expect(loadConfigFile(DEMO_CONFIG_PATH).agents.map((a) => a.extension)).toEqual(['1001', '1002']);
    const raw = demo();
    raw.agents[0]!.extension = 'javascript:alert(1)';
    expect(() => parseConfig(raw, 'test.yaml')).toThrow(/agents, 1st entry \(alice\): extension: digits/);
  });
});
