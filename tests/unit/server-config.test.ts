import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, loadConfigFile, parseConfig } from '../../server/config';

const dir = mkdtempSync(join(tmpdir(), 'texto-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type RawConfig = Record<string, unknown> & { agents: Record<string, unknown>[]; numbers: Record<string, unknown>[] };

/** The demo configuration as a plain object, to break on purpose. */
function demoObject(): RawConfig {
  const copy: unknown = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  return copy as RawConfig;
}

describe('configuration', () => {
  it('loads the demo configuration with its agents, numbers and defaults', () => {
    const config = loadConfigFile(DEMO_CONFIG_PATH);
    expect(config.agents.map((a) => [a.username, a.name, a.capacity, a.queues])).toEqual([
      ['alice', 'Alice Martin', 3, ['general', 'claims']],
      ['bob', 'Bob Durand', 3, ['general', 'claims']],
    ]);
    expect(config.numbers.map((n) => [n.number, n.mode, n.queue, n.region])).toEqual([
      ['+33937000001', 'page', 'general', 'FR'],
      ['+33937000002', 'session', 'general', 'FR'],
      ['+33937000003', 'page', 'claims', 'FR'],
    ]);
    expect(config.numbers[1]?.sessionInactivitySeconds).toBe(600);
    expect(config.routing.offerTimeoutSeconds).toBe(20);
    expect(config.contacts.length).toBeGreaterThanOrEqual(3);
  });

  it('names the field of a wrong value', () => {
    const raw = demoObject();
    (raw.routing as Record<string, unknown>).offerTimeoutSeconds = '20s';
    expect(() => parseConfig(raw, 'test.yaml')).toThrow('test.yaml: routing: offerTimeoutSeconds must be a number, got "20s"');
  });

  it('names a misspelt key instead of ignoring it', () => {
    const raw = demoObject();
    (raw.routing as Record<string, unknown>).offerTimeoutSecs = 5;
    expect(() => parseConfig(raw)).toThrow('routing: unknown key "offerTimeoutSecs" (did you mean offerTimeoutSeconds?)');
  });

  it('refuses a password that is not a scrypt hash, and an agent in an unknown queue', () => {
    const plain = demoObject();
    plain.agents[0]!.passwordHash = 'texto-demo';
    expect(() => parseConfig(plain)).toThrow(/agents, 1st entry \(alice\): passwordHash must be a scrypt hash/);
    const queue = demoObject();
    queue.agents[1]!.queues = ['general', 'sales'];
    expect(() => parseConfig(queue)).toThrow('agents, 2nd entry (bob), queues, 2nd entry: unknown queue "sales" (declare it under queues)');
  });

  it('refuses a contact-centre number that is not E.164, and a number listed twice', () => {
    const bad = demoObject();
    bad.numbers[0]!.number = '09 37 00 00 01';
    expect(() => parseConfig(bad)).toThrow(/numbers, 1st entry \(09 37 00 00 01\): number: a phone number in E\.164 form/);
    const twice = demoObject();
    twice.numbers[1]!.number = twice.numbers[0]!.number;
    expect(() => parseConfig(twice)).toThrow('numbers, 2nd entry (+33937000001): number: +33937000001 is listed twice (also the 1st entry)');
  });

  it('reports unreadable files and invalid YAML with the path', () => {
    expect(() => loadConfigFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot read the configuration file/);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'agents: [unclosed\n');
    expect(() => loadConfigFile(broken)).toThrow(/broken\.yaml: line [12]: not valid YAML/);
  });

  it('reads click-to-dial and click-to-email settings written as text or as {type, …}', () => {
    const withTargets = (dialer: unknown, email?: unknown) => {
      const raw = demoObject();
      raw.dialer = dialer;
      if (email !== undefined) raw.email = email;
      return parseConfig(raw);
    };
    expect(loadConfigFile(DEMO_CONFIG_PATH)).toMatchObject({ dialer: { kind: 'tel' }, email: { kind: 'mailto' } });
    expect(withTargets(null).dialer).toEqual({ kind: 'tel' });
    expect(withTargets('callto').dialer).toEqual({ kind: 'callto' });
    expect(withTargets({ type: 'sip', domain: 'PBX.example.com' }).dialer).toEqual({ kind: 'sip', domain: 'pbx.example.com' });
    expect(withTargets({ type: 'template', template: 'https://crm.example/call?to={number}' }, 'https://mail.example/new?to={email}')).toMatchObject({
      dialer: { kind: 'template', template: 'https://crm.example/call?to={number}' },
      email: { kind: 'template', template: 'https://mail.example/new?to={email}' },
    });
  });

  it('refuses a dialer or email target that could mislead, with what to write instead', () => {
    const fails = (dialer: unknown, email?: unknown) => () => {
      const raw = demoObject();
      raw.dialer = dialer;
      if (email !== undefined) raw.email = email;
      parseConfig(raw, 'c.yaml');
    };
    expect(fails({ type: 'template', template: 'https://{number}.crm.example/' })).toThrow(/^c\.yaml: dialer: a placeholder may only stand in the path or query/);
    expect(fails({ type: 'template', template: 'javascript:alert({number})' })).toThrow(/dialer: .*not supported|dialer: a template must be an http or https address/);
    expect(fails({ type: 'template' })).toThrow(/dialer: dialer\.template: write the URL/);
    expect(fails({ type: 'skype' })).toThrow(/dialer: dialer\.type: expected one of tel, sip, callto, template/);
    expect(fails({ type: 'tel', domain: 'x' })).toThrow(/dialer\.domain: only for type: sip/);
    expect(fails('tel', { type: 'template', template: 'https://mail.example/compose' })).toThrow(/email: the template .* has no placeholder/);
  });

  it('reads MMS limits and refuses a link secret too short to sign with', () => {
    const raw = demoObject();
    raw.media = { maxBytes: 1024 * 1024, urlSecret: 'short' };
    expect(() => parseConfig(raw)).toThrow('media: urlSecret must be at least 32 characters');
    expect(loadConfigFile(DEMO_CONFIG_PATH).media).toMatchObject({ maxBytes: 5 * 1024 * 1024, maxFiles: 10 });
  });
});
