import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLongInteraction } from '../../scripts/seed-long-transcript';
import { useChrome } from './support/chrome';
import { aria, control, signIn, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, SESSION_NUMBER } from './support/simulator';

const CUSTOMER = '+33755501234';
const MESSAGES = 3000;

describe('a long transcript in the Chromium side panel', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedLongInteraction(server.db(), {
      agentId: 'alice',
      agentName: 'Alice Martin',
      customerPhone: CUSTOMER,
      centreNumber: SESSION_NUMBER,
      messages: MESSAGES,
    });
    // System lines among the messages: each carries a hidden "System:" label for screen readers.
    await server.db().query(
      `INSERT INTO transcript_entries (id, interaction_id, at, kind, code, params)
       SELECT e.id || '-joined', e.interaction_id, e.at + 1, 'system', 'agent_joined', '{"name":"Bob Durand"}'::jsonb
       FROM transcript_entries e JOIN interactions i ON i.id = e.interaction_id
       WHERE i.customer_phone = $1 AND e.kind = 'message' AND e.id LIKE '%0'`,
      [CUSTOMER],
    );
    // In time order: each after its message (the log orders by position).
    await server.db().query(
      `UPDATE transcript_entries e SET position = r.n + 10000000
       FROM (SELECT t.id, row_number() OVER (ORDER BY t.at, t.kind) AS n
             FROM transcript_entries t JOIN interactions i ON i.id = t.interaction_id WHERE i.customer_phone = $1) r
       WHERE e.id = r.id`,
      [CUSTOMER],
    );
  });
  afterAll(async () => {
    await server.close();
  });
  const chrome = useChrome();

  it('renders only what is visible, opens on the newest message, and keeps the place of an agent reading back', async () => {
    const panel = await chrome.get().openSidePanel();
    await signIn(panel, server.url, 'alice');
    await waitForText(panel, TRANSCRIPT, `Message ${MESSAGES} `);
    const rendered = () => panel.$$eval(`${TRANSCRIPT} li.row`, (rows) => rows.length);
    expect(await rendered()).toBeLessThan(80);
    expect(await panel.$eval(`${TRANSCRIPT} li.row`, (row) => row.getAttribute('aria-setsize'))).toBe(String(MESSAGES + MESSAGES / 10));

    // The page is as tall as what it shows: hidden labels stay clipped inside the transcript
    // instead of stretching the panel with blank space below.
    const blankBelow = () =>
      panel.evaluate(() => {
        let bottom = 0;
        for (const element of document.querySelectorAll<HTMLElement>('body *')) {
          if (element.closest('.visually-hidden, [role="log"] li')) continue;
          bottom = Math.max(bottom, element.getBoundingClientRect().bottom + window.scrollY);
        }
        return document.documentElement.scrollHeight - Math.max(bottom, window.innerHeight);
      });
    expect(await blankBelow()).toBeLessThan(40);

    // Home: the first message, numbered 1 of 3000 for assistive technology.
    await panel.focus(TRANSCRIPT);
    await panel.keyboard.press('Home');
    await waitForText(panel, TRANSCRIPT, 'Message 1 ');
    expect(await panel.$eval(`${TRANSCRIPT} li.row`, (row) => row.getAttribute('aria-posinset'))).toBe('1');
    expect(await rendered()).toBeLessThan(80);
    expect(await blankBelow()).toBeLessThan(40);

    // Somewhere in the middle, a new message arrives: what the agent reads does not move.
    await panel.$eval(TRANSCRIPT, (log) => {
      log.scrollTop = log.scrollHeight / 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const anchor = () =>
      panel.$eval(TRANSCRIPT, (log) => {
        const top = log.getBoundingClientRect().top;
        const row = [...log.querySelectorAll<HTMLElement>('li.row')].find((r) => r.getBoundingClientRect().bottom > top + 40)!;
        return { index: row.dataset.index, offset: Math.round(row.getBoundingClientRect().top - top) };
      });
    const before = await anchor();
    await customerTexts(server.url, { from: CUSTOMER, to: SESSION_NUMBER, text: 'Un nouveau message pendant la lecture' });
    await panel.waitForFunction(
      (selector, size) => document.querySelector(`${selector} li.row`)?.getAttribute('aria-setsize') === size,
      {},
      TRANSCRIPT,
      String(MESSAGES + MESSAGES / 10 + 1),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await anchor()).toEqual(before);

    // Reading higher up, the agent is told something new came, and jumps to it.
    const jump = control(panel, 'button', 'New messages: 1 · Jump to latest');
    await jump.click();
    await waitForText(panel, TRANSCRIPT, 'Un nouveau message pendant la lecture');
    const marker = await panel.$eval(TRANSCRIPT, (log) => {
      const row = [...log.querySelectorAll('li.row')].find((r) => r.textContent.includes('Un nouveau message pendant la lecture'));
      return row?.querySelector('.new-marker')?.textContent;
    });
    expect(marker).toBe('New messages');
    expect(await panel.$(aria('button', 'Jump to latest'))).toBeNull();

    // Back at the bottom, the view follows new messages.
    await panel.keyboard.press('End');
    await waitForText(panel, TRANSCRIPT, 'Un nouveau message pendant la lecture');
    await customerTexts(server.url, { from: CUSTOMER, to: SESSION_NUMBER, text: 'Et encore un' });
    await waitForText(panel, TRANSCRIPT, 'Et encore un');
    const newestVisible = await panel.$eval(TRANSCRIPT, (log) => {
      const rows = log.querySelectorAll<HTMLElement>('li.row');
      const last = rows[rows.length - 1]!;
      return last.getBoundingClientRect().bottom <= log.getBoundingClientRect().bottom + 1 && last.textContent.includes('Et encore un');
    });
    expect(newestVisible).toBe(true);
    // The numbers in long transcripts are still detected and act.
    expect(await panel.$$eval(`${TRANSCRIPT} ${aria('button')}`, (buttons) => buttons.length)).toBeGreaterThan(0);
  });

  it('puts a line where the day changes: the date, Yesterday, Today', async () => {
    const customer = '+33755509876';
    await seedLongInteraction(server.db(), { agentId: 'bob', agentName: 'Bob Durand', customerPhone: customer, centreNumber: SESSION_NUMBER, messages: 4 });
    const day = 86_400_000;
    const noon = new Date();
    noon.setHours(12, 0, 0, 0);
    const times = [noon.getTime() - 3 * day, noon.getTime() - 3 * day + 60_000, noon.getTime() - day, Math.min(Date.now(), noon.getTime())];
    for (const [i, at] of times.entries()) {
      await server.db().query(
        `UPDATE transcript_entries e SET at = $2 FROM interactions i WHERE i.id = e.interaction_id AND i.customer_phone = $1 AND e.id LIKE '%-' || $3`,
        [customer, at, String(i + 1)],
      );
    }
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signIn(panel, server.url, 'bob');
    await waitForText(panel, TRANSCRIPT, 'Message 4 ');
    const lines = await panel.$$eval(`${TRANSCRIPT} .day-line`, (found) => found.map((line) => line.textContent));
    const dated = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', ...(new Date(times[0]!).getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }) }).format(times[0]);
    expect(lines).toEqual([dated, 'Yesterday', 'Today']);
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-day-lines-360-en.png` });
  });
});
