import { startServer } from '../server/app';
import type { Db } from '../server/db/db';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { AgentClient } from '../tests/integration/helpers/agent';
import { ACCOUNT_SID, AUTH_TOKEN, FakeTwilio } from '../tests/integration/helpers/fake-twilio';
import { eventually } from '../tests/integration/helpers/server';
import { ms, percentile } from './stats';

const PUBLIC_URL = 'https://texto.example.com';
const TWILIO_NUMBER = '+33937000009';
const TWILIO_SESSION_NUMBER = '+33937000010';
const RUNS = 5;
const ROUNDS = 60;
/** Replies per run whose status callbacks are timed (each gets `sent` then `delivered`). */
const REPLIES_PER_RUN = 100;

const median = (values: readonly number[]) => percentile(values, 50);

/**
 * Inbound Twilio webhook (signature check + store + offer) → the offer at the agent's socket,
 * against the simulator's POST in the same run; then status callbacks for real replies (each moves
 * a reply forward and tells its agent) absorbed per second, against raw single-row inserts into
 * the same database in the same run. Medians over RUNS runs.
 */
export async function run(): Promise<void> {
  const fake = await FakeTwilio.start();
  const config = structuredClone(loadConfigFile(DEMO_CONFIG_PATH));
  config.gateways = [
    { id: 'tw', kind: 'twilio', accountSid: ACCOUNT_SID, authTokenEnv: 'BENCH_TWILIO_TOKEN', publicUrl: PUBLIC_URL, apiBaseUrl: fake.url, requestTimeoutSeconds: 5, mediaMaxRedirects: 3, retryFirstDelayMs: 1000 },
  ];
  const queue = config.numbers[0]!.queue;
  config.numbers.push(
    { number: TWILIO_NUMBER, mode: 'page', queue, region: 'FR', caseData: {}, gateway: 'tw' },
    { number: TWILIO_SESSION_NUMBER, mode: 'session', queue, region: 'FR', caseData: {}, gateway: 'tw' },
  );
  let db: Db | undefined;
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config, env: { BENCH_TWILIO_TOKEN: AUTH_TOKEN }, log: () => {}, onDatabase: (d) => void (db = d) });
  fake.texto = { publicUrl: PUBLIC_URL, localUrl: server.url };
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
  const viaTwilio = (from: string, to = TWILIO_NUMBER) =>
    fake.post(`${PUBLIC_URL}/api/gateways/tw/sms`, { AccountSid: ACCOUNT_SID, MessageSid: `MM${String(n).padStart(32, '0')}`, From: from, To: to, Body: 'Bonjour', NumMedia: '0' });
  const viaSimulator = (from: string) =>
    fetch(`${server.url}/api/simulator/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from, to: config.numbers[0]!.number, text: 'Bonjour' }) });

  for (let i = 0; i < 20; i++) await timeOffer(i % 2 ? (from) => viaTwilio(from) : viaSimulator); // warm-up
  const webhookP50: number[] = [];
  const simulatorP50: number[] = [];
  const ratios: number[] = [];
  for (let r = 1; r <= RUNS; r++) {
    const twilioTimes: number[] = [];
    const simulatorTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved, so both paths see the same machine load.
      twilioTimes.push(await timeOffer((from) => viaTwilio(from)));
      simulatorTimes.push(await timeOffer(viaSimulator));
    }
    webhookP50.push(median(twilioTimes));
    simulatorP50.push(median(simulatorTimes));
    ratios.push(median(twilioTimes) / median(simulatorTimes));
    console.log(
      `run ${r}: webhook → offer p50 ${ms(median(twilioTimes))} p99 ${ms(percentile(twilioTimes, 99))}; simulator POST p50 ${ms(median(simulatorTimes))} p99 ${ms(percentile(simulatorTimes, 99))}`,
    );
  }
  console.log(`webhook → offer at the socket: median p50 ${ms(median(webhookP50))} over ${RUNS} runs of ${ROUNDS}`);
  console.log(`simulator POST → offer (baseline): median p50 ${ms(median(simulatorP50))}`);
  console.log(`ratio, median of runs: ${median(ratios).toFixed(2)}× (target ≤ 1.5×)`);

  // Real replies through the Twilio gateway (to the fake), in one interaction the agent keeps.
  const customer = phone();
  const inbound = await viaTwilio(customer, TWILIO_SESSION_NUMBER);
  if (inbound.status !== 200) throw new Error(`webhook answered ${inbound.status}`);
  const offer = await alice.waitForEvent('offerMade', (e) => e.offer.interaction.customer.phone === customer);
  const interactionId = offer.offer.interaction.id;
  await alice.ok({ name: 'accept', interactionId });
  const sendsBefore = fake.messages.length;
  const replies = RUNS * REPLIES_PER_RUN;
  for (let i = 0; i < replies; i++) await alice.ok({ name: 'reply', interactionId, text: `Réponse ${i}` });
  await eventually(() => fake.messages.length - sendsBefore >= replies, 'every reply handed to the fake Twilio', 120_000);
  const sent = fake.messages.slice(sendsBefore);

  await db!.exec('CREATE TABLE bench_rows (id text PRIMARY KEY, state text, at bigint)');
  const callbackRates: number[] = [];
  const insertRates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const batch = sent.slice(r * REPLIES_PER_RUN, (r + 1) * REPLIES_PER_RUN);
    const started = performance.now();
    for (const message of batch) {
      for (const status of ['sent', 'delivered']) {
        const answer = await fake.status(message, status);
        if (answer.status !== 204) throw new Error(`status callback answered ${answer.status}`);
      }
    }
    callbackRates.push((batch.length * 2) / ((performance.now() - started) / 1000));
    const rawStarted = performance.now();
    for (let i = 0; i < batch.length * 2; i++) await db!.query('INSERT INTO bench_rows VALUES ($1, $2, $3)', [`r${r}-${i}`, 'sent', i]);
    insertRates.push((batch.length * 2) / ((performance.now() - rawStarted) / 1000));
    console.log(`run ${r + 1}: ${callbackRates.at(-1)!.toFixed(0)} callbacks/s, ${insertRates.at(-1)!.toFixed(0)} raw inserts/s`);
  }
  await eventually(
    () =>
      alice.state?.interactions
        .find((i) => i.id === interactionId)
        ?.transcript.filter((e) => e.kind === 'message' && e.direction === 'out' && e.delivery?.state === 'delivered').length === replies,
    'every reply delivered at the agent',
    60_000,
  );
  console.log(`status callbacks absorbed (signed HTTP, each moving a real reply and telling its agent): median ${median(callbackRates).toFixed(0)}/s`);
  console.log(`raw single-row inserts (baseline): median ${median(insertRates).toFixed(0)}/s; ratio ${(median(callbackRates) / median(insertRates)).toFixed(2)}`);
  alice.close();
  await server.close();
  await fake.close();
}
