/**
 * From the simulator's POST to the customer's text standing in the side panel's DOM (the offer
 * card), in real Chromium with the built extension and the real server on 127.0.0.1: p50 and p99
 * over MESSAGES messages, printed beside the round trip of a bare WebSocket echo on 127.0.0.1
 * measured in the same run, and their ratio. Accepting and closing each interaction between
 * messages is not timed. The arrival time is taken in the page (a MutationObserver) on the same
 * wall clock as the POST's start (performance.timeOrigin + performance.now() on both sides).
 *
 * `npm run bench -- panel-latency` (BENCH_MESSAGES=… to change the count).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'puppeteer-core';
import { WebSocket, WebSocketServer } from 'ws';
import { startServer } from '../server/app';
import { DEMO_CONFIG_PATH, loadConfigFile } from '../server/config';
import { launchChromeWithExtension } from '../scripts/browser';
import { control, signInAndGoReady } from '../tests/e2e/support/panel';
import { ms, percentile } from './stats';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const WARMUP = 10;
const ECHOES = 1000;
const now = () => performance.timeOrigin + performance.now();

/** A bare `ws` echo server on 127.0.0.1. */
async function startEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data, { binary: false })));
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Round trips of a small frame from Node to the echo server. */
async function nodeEcho(url: string, count: number): Promise<number[]> {
  const client = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    client.once('open', resolve);
    client.once('error', reject);
  });
  const samples: number[] = [];
  for (let i = 0; i < count + WARMUP; i++) {
    const start = now();
    await new Promise<void>((resolve) => {
      client.once('message', () => resolve());
      client.send(JSON.stringify({ type: 'ping', i }));
    });
    if (i >= WARMUP) samples.push(now() - start);
  }
  client.close();
  return samples;
}

/** Round trips from a page of the same Chromium to the echo server: browser ↔ Node over loopback. */
async function browserEcho(page: Page, url: string, count: number): Promise<number[]> {
  return page.evaluate(
    async (address, total, warmup) => {
      const socket = new WebSocket(address);
      await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
      const samples: number[] = [];
      for (let i = 0; i < total + warmup; i++) {
        const start = performance.now();
        await new Promise((resolve) => {
          socket.addEventListener('message', resolve, { once: true });
          socket.send(JSON.stringify({ type: 'ping', i }));
        });
        if (i >= warmup) samples.push(performance.now() - start);
      }
      socket.close();
      return samples;
    },
    url,
    count,
    WARMUP,
  );
}

type BenchWindow = { __textoSeen?: Promise<number> };

/** Arms a MutationObserver that resolves with the time `text` first stands in an offer card. */
async function watchFor(panel: Page, text: string): Promise<void> {
  // No named helper inside: tsx wraps named functions in a __name() call the page does not have.
  await panel.evaluate((expected) => {
    (window as BenchWindow).__textoSeen = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (![...document.querySelectorAll('article')].some((a) => a.textContent?.includes(expected))) return;
        observer.disconnect();
        resolve(performance.timeOrigin + performance.now());
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, text);
}

async function postInbound(server: string, from: string, text: string): Promise<void> {
  const response = await fetch(`${server}/api/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: '+33937000001', text }),
  });
  if (response.status !== 202) throw new Error(`simulator answered ${response.status}: ${await response.text()}`);
}

export async function run(): Promise<void> {
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config: loadConfigFile(DEMO_CONFIG_PATH), log: () => undefined });
  const chrome = await launchChromeWithExtension({ headless: true });
  try {
    const panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
    const latencies: number[] = [];
    const answered: number[] = [];
    for (let i = 0; i < MESSAGES + WARMUP; i++) {
      const text = `bench message ${i} ${Math.random().toString(36).slice(2)}`;
      await watchFor(panel, text);
      const start = now();
      await postInbound(server.url, `+3360${String(1_000_000 + i).slice(1)}0`, text);
      if (i >= WARMUP) answered.push(now() - start);
      const seen = await panel.evaluate(() => (window as BenchWindow).__textoSeen!);
      if (i >= WARMUP) latencies.push(seen - start);
      // Not timed: take the interaction and close it so the next offer arrives on a clean desk.
      await control(panel, 'button', 'Accept').click();
      await control(panel, 'button', 'Mark Done').click();
      await panel.waitForSelector('::-p-aria([name="Mark Done"][role="button"])', { hidden: true });
    }
    const echo = await startEcho();
    const fromNode = await nodeEcho(echo.url, ECHOES);
    const fromBrowser = await browserEcho(await chrome.browser.newPage(), echo.url, ECHOES);
    await echo.close();
    const p50 = percentile(latencies, 50);
    const line = (label: string, samples: number[]) =>
      console.log(`${label.padEnd(44)} p50 ${ms(percentile(samples, 50)).padStart(9)}   p99 ${ms(percentile(samples, 99)).padStart(9)}`);
    console.log(`${latencies.length} messages after ${WARMUP} warm-up; ${ECHOES} echo round trips each`);
    line('simulator POST → text in the side panel DOM', latencies);
    line('(for scale) the POST answered with 202', answered);
    line('bare WebSocket echo, Chromium page ↔ Node', fromBrowser);
    line('bare WebSocket echo, Node ↔ Node', fromNode);
    console.log(`ratio p50 / browser echo p50: ${(p50 / percentile(fromBrowser, 50)).toFixed(1)}×   p50 / Node echo p50: ${(p50 / percentile(fromNode, 50)).toFixed(1)}×`);
  } finally {
    await chrome.browser.close();
    await server.close();
  }
}
