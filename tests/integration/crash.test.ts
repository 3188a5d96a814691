import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { recordFigure } from '../support/figures';
import { AgentClient } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, tempDataDir } from './helpers/server';
import { receivedBy } from './helpers/simulator';

// The server process SIGKILLed mid-stream and restarted on the same data, with agents on protocol
// clients and customers texting all along. Short form in `npm test`; `npm run soak` sets more.
const AGENTS = Number(process.env.CRASH_AGENTS ?? 20);
const KILLS = Number(process.env.CRASH_KILLS ?? 2);
const TEXTS_PER_PHASE = Number(process.env.CRASH_TEXTS_PER_PHASE ?? 30);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dir = tempDataDir();
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  dir.remove();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startChild(port: number, configPath: string): Promise<number> {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: join(dir.path, 'data'), CONFIG: configPath },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/simulator/setup`)).ok) return performance.now();
    } catch {
      // not yet
    }
    await sleep(20);
  }
}

describe('server crash', () => {
  it(`loses no accepted text and no reply, doubles none and leaves no seq gap across ${KILLS} SIGKILLs with ${AGENTS} agents`, async () => {
    const config = demoConfig((c) => {
      const bob = c.agents.find((a) => a.username === 'bob')!;
      c.agents = [
        ...c.agents,
        ...Array.from({ length: AGENTS - 2 }, (_, i) => ({ ...bob, id: undefined, username: `agent${i + 3}`, name: `Agent ${i + 3}`, extension: String(2000 + i) })),
      ];
    });
    const configPath = join(dir.path, 'config.yaml');
    writeFileSync(configPath, stringify(JSON.parse(JSON.stringify(config))));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    await startChild(port, configPath);

    const usernames = config.agents.map((a) => a.username).slice(0, AGENTS);
    const agents = await Promise.all(usernames.map((name) => AgentClient.connect(url, name)));
    const watch = (agent: AgentClient) => agent.socket.ws.on('error', () => {});
    agents.forEach(watch);
    await Promise.all(agents.map((agent) => agent.ok({ name: 'setStatus', status: 'ready' })));

    // Agents: reconnect whenever the socket is gone; accept every offer and answer each interaction once (stable ids).
    let running = true;
    const replied = new Set<string>();
    const resumedAt = new Map<AgentClient, number>();
    const work = agents.map(async (agent) => {
      while (running) {
        if (agent.socket.closed) {
          try {
            await agent.reconnect(url);
            watch(agent);
            resumedAt.set(agent, performance.now());
          } catch {
            await sleep(50 + Math.random() * 200);
          }
          continue;
        }
        const offers = agent.state?.offers ?? [];
        const mine = agent.state?.interactions ?? [];
        try {
          for (const offer of offers) await agent.command({ name: 'accept', interactionId: offer.interaction.id }, `acc-${offer.interaction.id}-${offer.offeredAt}`);
          for (const interaction of mine) {
            if (replied.has(interaction.id)) continue;
            const answer = await agent.command({ name: 'reply', interactionId: interaction.id, text: `reply to ${interaction.id}` }, `rep-${interaction.id}`);
            if (answer.type === 'ok') replied.add(interaction.id);
          }
        } catch {
          // The socket died under the command: the same id goes again after the reconnect.
        }
        await sleep(30);
      }
    });

    // Customers: a carrier retries until the server answers 202.
    const accepted: string[] = [];
    let phoneNumber = 0;
    const textOnce = async () => {
      const phone = `+3367${String(1_000_000 + ++phoneNumber)}`;
      for (;;) {
        try {
          const response = await fetch(`${url}/api/simulator/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            // The carrier's own message id, the same on every retry: a retry is not a new text.
            body: JSON.stringify({ from: phone, to: PAGE_NUMBER, text: `question ${phone}`, providerId: `carrier-${phone}` }),
          });
          if (response.status === 202) {
            accepted.push(phone);
            return;
          }
        } catch {
          // down: retry
        }
        await sleep(100);
      }
    };

    const backTimes: number[] = [];
    for (let phase = 0; phase <= KILLS; phase++) {
      const phaseTexts = Array.from({ length: TEXTS_PER_PHASE }, (_, i) => sleep(i * 20).then(textOnce));
      await sleep(TEXTS_PER_PHASE * 10);
      if (phase === KILLS) {
        await Promise.all(phaseTexts);
        break;
      }
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      resumedAt.clear();
      const readyAt = await startChild(port, configPath);
      await Promise.all(phaseTexts);
      await (async () => {
        while (resumedAt.size < agents.length) await sleep(20);
      })();
      backTimes.push(Math.max(...[...resumedAt.values()].map((at) => Math.max(0, at - readyAt))));
    }

    // Every accepted text is answered, once.
    const deadline = Date.now() + 60_000;
    const counts = async () => new Map(await Promise.all(accepted.map(async (phone) => [phone, (await receivedBy(url, phone)).length] as const)));
    while (Date.now() < deadline && ![...(await counts()).values()].every((n) => n >= 1)) await sleep(500);
    // Time for a doubled reply to show up before counting.
    await sleep(1000);
    const received = await counts();
    running = false;
    await Promise.all(work);

    const lost = [...received.values()].filter((n) => n === 0).length;
    // A carrier that never got its 202 (killed between commit and answer) sends the text again with
    // the same message id: it must be stored once and answered once.
    const inboundOf = async (phone: string) =>
      (await (await fetch(`${url}/api/simulator/messages?phone=${encodeURIComponent(phone)}&direction=both`)).json() as { messages: { from: string }[] }).messages.filter(
        (m) => m.from === phone,
      ).length;
    let storedTwice = 0;
    let doubled = 0;
    for (const [phone, n] of received) {
      if (n <= 1) continue;
      const inbound = await inboundOf(phone);
      if (inbound >= n) storedTwice += 1;
      else doubled += 1;
    }
    let gaps = 0;
    for (const agent of agents) {
      for (let i = 1; i < agent.applied.length; i++) if (agent.applied[i]!.seq !== agent.applied[i - 1]!.seq + 1) gaps += 1;
    }
    recordFigure(
      `crash: ${AGENTS} agents, ${KILLS} SIGKILLs, ${accepted.length} texts accepted, ${accepted.length - lost} answered, ${lost} lost, ${doubled} doubled, ${storedTwice} texts stored twice after a carrier retry, ${gaps} seq gaps, all agents resumed ${backTimes.map((t) => `${Math.round(t)} ms`).join(' / ')} after the server was back`,
    );
    for (const agent of agents) agent.close();
    expect({ lost, doubled, storedTwice, gaps }).toEqual({ lost: 0, doubled: 0, storedTwice: 0, gaps: 0 });
    expect(accepted.length).toBe(TEXTS_PER_PHASE * (KILLS + 1));
  }, 300_000);
});
