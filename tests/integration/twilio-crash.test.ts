import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { MessageEntry } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { ACCOUNT_SID, AUTH_TOKEN, FakeTwilio } from './helpers/fake-twilio';
import { demoConfig, eventually, startTestServer, tempDataDir } from './helpers/server';
import { freshPhone } from './helpers/simulator';

const TWILIO_NUMBER = '+33937000009';
const PUBLIC_URL = 'https://texto.example.com';

/** `npm run server` in its own process, so that the test can kill it with SIGKILL at the worst moment. */
async function serverProcess(configPath: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, CONFIG: configPath, TEXTO_TEST_TWILIO_TOKEN: AUTH_TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { child, url };
}

describe('a crash between the hand-over to Twilio and its record', () => {
  const data = tempDataDir();
  let fake: FakeTwilio;
  afterAll(async () => {
    await fake?.close();
    data.remove();
  });

  it('does not send the reply twice: after the restart the message is looked up at Twilio and recorded', async () => {
    fake = await FakeTwilio.start();
    const config = demoConfig((c) => {
      c.gateways = [
        { id: 'tw', kind: 'twilio', accountSid: ACCOUNT_SID, authTokenEnv: 'TEXTO_TEST_TWILIO_TOKEN', publicUrl: PUBLIC_URL, apiBaseUrl: fake.url, requestTimeoutSeconds: 5, mediaMaxRedirects: 3, retryFirstDelayMs: 50 },
      ];
      c.numbers.push({ number: TWILIO_NUMBER, mode: 'session', queue: c.numbers[1]!.queue, region: 'FR', caseData: {}, gateway: 'tw' });
    });
    const configPath = join(data.path, 'texto.yaml');
    writeFileSync(configPath, stringify(config));
    const first = await serverProcess(configPath, join(data.path, 'db'));
    fake.texto = { publicUrl: PUBLIC_URL, localUrl: first.url };

    const alice = await AgentClient.connect(first.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const phone = freshPhone();
    await fake.post(`${PUBLIC_URL}/api/gateways/tw/sms`, { AccountSid: ACCOUNT_SID, MessageSid: `MM${'c'.repeat(32)}`, From: phone, To: TWILIO_NUMBER, Body: 'Allô ?', NumMedia: '0' });
    const offer = await eventually(() => alice.state?.offers.find((o) => o.interaction.customer.phone === phone), 'the offer');
    await alice.ok({ name: 'accept', interactionId: offer.interaction.id });

    // Twilio has taken the message; the server dies before it hears the answer and records it.
    const killed = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
    fake.onSend = async () => {
      first.child.kill('SIGKILL');
      await killed;
    };
    // Its answer never comes: the process is gone.
    alice.command({ name: 'reply', interactionId: offer.interaction.id, text: 'Je vous rappelle' }).catch(() => {});
    await killed;
    alice.close();
    fake.onSend = undefined;
    expect(fake.sendRequests).toHaveLength(1);

    process.env.TEXTO_TEST_TWILIO_TOKEN = AUTH_TOKEN;
    const second = await startTestServer({ config, dataDir: join(data.path, 'db') });
    try {
      fake.texto.localUrl = second.url;
      await eventually(() => second.logs.some((line) => line.includes('already had')), 'the look-up at start', 10_000);
      await fake.status(fake.messages[0]!, 'delivered');
      const again = await AgentClient.connect(second.url, 'alice');
      await eventually(() => {
        const reply = again.state?.interactions[0]?.transcript.find((e): e is MessageEntry => e.kind === 'message' && e.direction === 'out');
        return reply?.delivery?.state === 'delivered';
      }, 'delivered after the restart');
      again.close();
      expect(fake.sendRequests).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
