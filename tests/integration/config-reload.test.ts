import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { DEMO_CONFIG_PATH } from '../../server/config';
import { AgentClient, signIn } from './helpers/agent';
import { eventually, PAGE_NUMBER } from './helpers/server';
import { freshPhone, postJson, textCentre } from './helpers/simulator';

const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
const SALES_NUMBER = '+33937000009';

/** The demo file with: alice loses contact.edit, gains a "sales" queue with a new number; bob removed; carol added; a shorter offer timeout. */
function changedDemo(): string {
  const aliceHash = /passwordHash: (scrypt\S+)/.exec(demo)![1]!;
  return demo
    .replace('offerTimeoutSeconds: 20', 'offerTimeoutSeconds: 7')
    .replace('permissions: [media.save, contact.edit, contact.assign]', 'permissions: [media.save]')
    .replace('queues: [general, claims]\n    permissions: [media.save]', 'queues: [general, claims, sales]\n    permissions: [media.save]')
    .replace(/ {2}- username: bob\n( {4}.*\n)+/, () => `  - username: carol\n    name: Carole Petit\n    passwordHash: ${aliceHash}\n    queues: [sales]\n`)
    .replace('queues:\n  - name: general', 'queues:\n  - name: sales\n  - name: general')
    .replace('numbers:\n', `numbers:\n  - number: "${SALES_NUMBER}"\n    mode: session\n    queue: sales\n`);
}

let dir: string | undefined;
let server: RunningServer | undefined;
const logs: string[] = [];
const clients: AgentClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  logs.length = 0;
});

async function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'texto-reload-'));
  const file = join(dir, 'texto.yaml');
  writeFileSync(file, demo);
  server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', configPath: file, watchConfig: true, log: (line) => logs.push(line) });
  const alice = await AgentClient.connect(server.url, 'alice');
  const bob = await AgentClient.connect(server.url, 'bob');
  clients.push(alice, bob);
  return { server, file, alice, bob };
}

describe('configuration reload without a restart', () => {
  it('applies a changed file to connected agents: new settings live, removed agent signed out with the reason, new numbers routed at once', async () => {
    const { server, file, alice, bob } = await setUp();
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const mark = alice.socket.mark();
    writeFileSync(file, changedDemo()); // the watcher reloads it

    const pushed = await alice.socket.waitForFrame((f) => f.type === 'settings', mark);
    expect(pushed).toMatchObject({ type: 'settings', agent: { username: 'alice' }, settings: { permissions: ['media.save'] } });
    expect(await bob.socket.waitForClose()).toEqual({ code: 4002, reason: 'agent_removed' });
    expect(alice.socket.closed).toBeUndefined();
    expect(server.currentConfig().routing.offerTimeoutSeconds).toBe(7);

    // Routing sees the new queue and number at once, on alice's same socket.
    const { interactionId } = await textCentre(server.url, freshPhone(), SALES_NUMBER, 'Bonjour les ventes');
    await alice.waitForOffer(interactionId);
    const offer = alice.state!.offers.find((o) => o.interaction.id === interactionId)!;
    expect(offer.expiresAt - offer.offeredAt).toBe(7000);
    expect(alice.socket.closed).toBeUndefined();

    // The added agent signs in; the removed one cannot.
    expect((await signIn(server.url, 'carol')).agent.name).toBe('Carole Petit');
    expect((await postJson(`${server.url}/api/auth/sign-in`, { username: 'bob', password: 'texto-demo' })).status).toBe(401);

    const log = logs.join('\n');
    expect(log).toMatch(/texto\.yaml \(the file changed\) reloaded: \d+ changes/);
    expect(log).toContain('agent bob removed');
    expect(log).toContain('agent carol added');
    expect(log).toContain('agent alice changed: queues ["general","claims"] → ["general","claims","sales"], permissions ["media.save","contact.edit","contact.assign"] → ["media.save"]');
    expect(log).toContain('number +33937000009 added');
    expect(log).toContain('routing.offerTimeoutSeconds: 20 → 7');
  });

  it('refuses an invalid file with its reasons and keeps the running configuration; SIGHUP-style reload says so too', async () => {
    const { server, file, alice, bob } = await setUp();
    writeFileSync(file, demo.replace('capacity: 3', 'capacity: three').replace(`"${PAGE_NUMBER}"`, '"+33937000009"'));
    const outcome = await server.reloadConfig('SIGHUP');
    expect(outcome).toEqual({ ok: false, problems: [expect.stringMatching(/^line \d+: agents, 1st entry \(alice\): capacity must be a number, got "three"$/)] });
    expect(logs.join('\n')).toMatch(/texto\.yaml \(SIGHUP\) refused, the running configuration stays: 1 problem\n {2}line \d+: agents, 1st entry \(alice\): capacity must be a number/);

    // The old configuration runs on: its number routes, nobody was disconnected.
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Toujours là ?');
    await alice.waitForOffer(interactionId);
    expect(server.currentConfig().agents[0]!.capacity).toBe(3);
    expect((await postJson(`${server.url}/api/simulator/messages`, { from: freshPhone(), to: '+33937000009', text: 'x' })).status).toBe(404);
    await eventually(() => logs.some((l) => l.includes('(the file changed) refused')), 'the watcher to refuse the file too');
    expect(alice.socket.closed).toBeUndefined();
    expect(bob.socket.closed).toBeUndefined();
  });

  it('signs out an agent whose password changed, with that reason, and keeps the others', async () => {
    const { server, file, alice, bob } = await setUp();
    const bobHash = /username: bob\n(?: {4}.*\n)*? {4}passwordHash: (\S+)/.exec(demo)![1]!;
    const otherHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    writeFileSync(file, demo.replace(bobHash, () => otherHash));
    expect(await server.reloadConfig('SIGHUP')).toEqual({ ok: true, changes: ['agent bob changed: passwordHash'] });
    expect(await bob.socket.waitForClose()).toEqual({ code: 4002, reason: 'password_changed' });
    expect(alice.socket.closed).toBeUndefined();
  });
});
