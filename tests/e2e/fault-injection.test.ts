import { TargetType, type Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { recordFigure } from '../support/figures';
import { useChrome } from './support/chrome';
import { acceptOffer, CONNECTION, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

// Faults the agent's browser meets, under traffic, in a session-mode conversation: Chrome stopping
// the extension's service worker again and again. Every customer text is shown once, every reply
// reaches the phone once and in order. SW_STOPS sets how many times (20 by default).

const SW_STOPS = Number(process.env.SW_STOPS ?? 20);

/** How many times `text` stands in the transcript. */
const timesShown = (panel: Page, text: string) =>
  panel.$$eval(`${TRANSCRIPT} .message-text`, (all, wanted) => all.filter((e) => e.textContent === wanted).length, text);

async function send(panel: Page, text: string): Promise<void> {
  await control(panel, 'textbox', 'Message').fill(text);
  await control(panel, 'button', 'Send').click();
  // The box empties once the reply is in the background's outbox.
  await panel.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('.message-field textarea')?.value === '', { timeout: 15_000 });
}

async function conversation(panel: Page, serverUrl: string, proxyOrServer: string, agent: string): Promise<string> {
  await signInAndGoReady(panel, proxyOrServer, agent);
  const customer = newCustomerPhone();
  const first = `first question from ${customer}`;
  await customerTexts(serverUrl, { from: customer, to: SESSION_NUMBER, text: first });
  await acceptOffer(panel, first);
  return customer;
}

async function repliesArrive(serverUrl: string, customer: string, expected: string[]): Promise<void> {
  const received = await eventually(
    'every reply on the phone',
    async () => {
      const messages = await sentTo(serverUrl, customer);
      return messages.length >= expected.length ? messages : undefined;
    },
    60_000,
  );
  // Time for a doubled reply to show up before counting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect((await sentTo(serverUrl, customer)).map((m) => m.text)).toEqual(expected);
  expect(received.length).toBe(expected.length);
}

describe('faults under traffic', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it(`the service worker stopped ${SW_STOPS} times: every text shown once, every reply delivered once and in order`, async () => {
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    const customer = await conversation(panel, server.url, server.url, 'alice');
    const replies: string[] = [];
    const shown: number[] = [];
    const started = performance.now();
    for (let i = 0; i < SW_STOPS; i++) {
      await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text: `question ${i}` });
      const reply = `answer ${i}`;
      replies.push(reply);
      await send(panel, reply);
      const worker = await (await browser.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER)).worker();
      await worker?.close();
      // The panel's Port wakes a new worker, which resumes the socket.
      await waitForText(panel, TRANSCRIPT, `question ${i}`, 30_000);
      // Counted while it is the newest (the transcript renders only what is in view).
      shown.push(await timesShown(panel, `question ${i}`));
    }
    await waitForText(panel, CONNECTION, 'Connected', 30_000);
    await repliesArrive(server.url, customer, replies);
    // After the last restart too, nothing came twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    shown[SW_STOPS - 1] = Math.max(shown[SW_STOPS - 1]!, await timesShown(panel, `question ${SW_STOPS - 1}`));
    expect(shown).toEqual(Array.from({ length: SW_STOPS }, () => 1));
    recordFigure(`service worker stopped ${SW_STOPS} times under traffic: ${SW_STOPS} texts shown once, ${replies.length} replies delivered once in order, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 60_000 + SW_STOPS * 10_000);
});
