import twilio from 'twilio';
import { startServer } from '../server/app';
import type { Db } from '../server/db/db';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { AgentClient } from '../tests/integration/helpers/agent';
import { percentile, ms } from './stats';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'bench-auth-token';
const PUBLIC_URL = 'https://texto.example.com';
const TWILIO_NUMBER = '+33186950009';
const ROUNDS = 200;

/**
 * Inbound Twilio webhook (signature check + store + offer) → the offer at the agent's socket,
 * against the simulator's POST in the same run; then status callbacks absorbed per second against
 * raw single-row inserts into the same database.
 */
export async function run(): Promise<void> {
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  config.gateways = [
    { id: 'tw', kind: 'twilio', accountSid: ACCOUNT_SID, authTokenEnv: 'BENCH_TWILIO_TOKEN', publicUrl: PUBLIC_URL, apiBaseUrl: 'http://127.0.0.1:9', requestTimeoutSeconds: 5, mediaMaxRedirects: 3, retryFirstDelayMs: 1000 },
  ];
  config.numbers.push({ number: TWILIO_NUMBER, mode: 'page', queue: config.numbers[0]!.queue, region: 'FR', caseData: {}, gateway: 'tw' });
  let db: Db | undefined;
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config, env: { BENCH_TWILIO_TOKEN: AUTH_TOKEN }, log: () => {}, onDatabase: (d) => void (db = d) });
  const alice = await AgentClient.connect(server.url, 'alice');
  await alice.ok({ name: 'setStatus', status: 'ready' });
  let n = 0;
  const phone = () => `+336${String(10_000_000 + ++n).slice(-8)}`;

  async function timeOffer(post: (from: string) => Promise<Response>): Promise<number> {
    const from = phone();
    const started = performance.now();
    const [answer, offer] = await Promise.all([post(from), alice.waitForEvent('offerMade', (e) => e.offer.interaction.customer.phone === from)]);
    const elapsed = performance.now() - started;
    if (answer.status >= 300) throw new Error(`answered ${answer.status}`);
    // Off the clock: free the agent's capacity for the next round.
    await alice.ok({ name: 'accept', interactionId: offer.offer.interaction.id });
    await alice.ok({ name: 'markDone', interactionId: offer.offer.interaction.id });
    return elapsed;
  }
  const viaTwilio = (from: string) => {
    const params = { AccountSid: ACCOUNT_SID, MessageSid: `MM${String(n).padStart(32, '0')}`, From: from, To: TWILIO_NUMBER, Body: 'Bonjour', NumMedia: '0' };
    return fetch(`${server.url}/api/gateways/tw/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/gateways/tw/sms`, params) },
      body: new URLSearchParams(params),
    });
  };
  const viaSimulator = (from: string) =>
    fetch(`${server.url}/api/simulator/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from, to: config.numbers[0]!.number, text: 'Bonjour' }) });

  const twilioTimes: number[] = [];
  const simulatorTimes: number[] = [];
  for (let i = 0; i < 20; i++) await timeOffer(i % 2 ? viaTwilio : viaSimulator); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, so both paths see the same machine load.
    twilioTimes.push(await timeOffer(viaTwilio));
    simulatorTimes.push(await timeOffer(viaSimulator));
  }
  const p50 = (s: number[]) => percentile(s, 50);
  console.log(`webhook → offer at the socket: p50 ${ms(p50(twilioTimes))}, p99 ${ms(percentile(twilioTimes, 99))}`);
  console.log(`simulator POST → offer (baseline): p50 ${ms(p50(simulatorTimes))}, p99 ${ms(percentile(simulatorTimes, 99))}`);
  console.log(`ratio p50 ${(p50(twilioTimes) / p50(simulatorTimes)).toFixed(2)}× (target ≤ 1.5×)`);

  // Status callbacks for one stored reply's part, each a signed POST through the whole path.
  await db!.query(`INSERT INTO outbound_messages (id, interaction_id, from_number, to_number, text, created_at, state)
    SELECT 'bench-out', id, $1, customer_phone, 'x', 0, 'sent' FROM interactions LIMIT 1`, [TWILIO_NUMBER]);
  const CALLBACKS = 500;
  const statuses = ['queued', 'sent', 'delivered'];
  const started = performance.now();
  for (let i = 0; i < CALLBACKS; i++) {
    const url = `${PUBLIC_URL}/api/gateways/tw/status?outbound=bench-out`;
    const params = { AccountSid: ACCOUNT_SID, MessageSid: `SM${String(i).padStart(32, '0')}`, MessageStatus: statuses[i % 3]! };
    const answer = await fetch(`${server.url}/api/gateways/tw/status?outbound=bench-out`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params) },
      body: new URLSearchParams(params),
    });
    if (answer.status !== 204) throw new Error(`status callback answered ${answer.status}`);
  }
  const callbacksPerSecond = CALLBACKS / ((performance.now() - started) / 1000);
  await db!.exec('CREATE TABLE bench_rows (id text PRIMARY KEY, state text, at bigint)');
  const rawStarted = performance.now();
  for (let i = 0; i < CALLBACKS; i++) await db!.query('INSERT INTO bench_rows VALUES ($1, $2, $3)', [`r${i}`, 'sent', i]);
  const insertsPerSecond = CALLBACKS / ((performance.now() - rawStarted) / 1000);
  console.log(`status callbacks absorbed: ${callbacksPerSecond.toFixed(0)}/s (signed HTTP, one process)`);
  console.log(`raw single-row inserts (baseline): ${insertsPerSecond.toFixed(0)}/s; ratio ${(callbacksPerSecond / insertsPerSecond).toFixed(2)}`);
  alice.close();
  await server.close();
}
