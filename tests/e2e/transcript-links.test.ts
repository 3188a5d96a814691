import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { acceptOffer, aria, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually } from './support/simulator';

/** Stands for a CRM's click-to-call page: records what the browser asked for. */
async function startCrm(): Promise<{ server: Server; url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>CRM call</title><p>Calling…</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

const CAMILLE = '+33612345678'; // a demo contact: her name stands on her messages
const TEXT = 'Voir https://example.com/suivi?id=42 ou appelez-moi au 06 12 34 56 78, ou écrivez à camille.lefebvre@example.com';

describe('the transcript in the Chromium side panel: links, click-to-dial, click-to-email, copy, text size', () => {
  let server: TestServer;
  let crm: Awaited<ReturnType<typeof startCrm>>;
  beforeAll(async () => {
    crm = await startCrm();
    server = await startTestServer({
      configure: (config) => {
        config.dialer = { kind: 'template', template: `${crm.url}/call?to={number}` };
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => crm.server.close(resolve));
  });
  const chrome = useChrome();

  const tooltipShown = (panel: Page, text: string) =>
    panel.waitForFunction(
      (expected) => [...document.querySelectorAll('[role="tooltip"]')].some((tip) => !(tip as HTMLElement).hidden && tip.textContent?.includes(expected)),
      { timeout: 5000, polling: 50 },
      text,
    );

  it('shows real links with tooltips, dials through the configured CRM page, emails, and records both', async () => {
    await customerTexts(server.url, { from: CAMILLE, text: TEXT });
    const browser = chrome.get();
    const panel = await browser.openSidePanel();
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, 'example.com/suivi');

    // The link's visible text is its real address, it opens a new tab without referrer or opener.
    const link = await panel.waitForSelector(aria('link', 'https://example.com/suivi?id=42'));
    expect(await link!.evaluate((a) => [(a as HTMLAnchorElement).href, a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      'https://example.com/suivi?id=42',
      '_blank',
      'noopener noreferrer',
    ]);
    await link!.hover();
    await tooltipShown(panel, 'https://example.com/suivi?id=42 — opens in a new tab');
    await panel.mouse.move(0, 0);
    await panel.waitForFunction(() => [...document.querySelectorAll('[role="tooltip"]')].every((tip) => (tip as HTMLElement).hidden));
    const phone = await panel.waitForSelector(aria('button', '06 12 34 56 78'));
    await phone!.focus();
    await tooltipShown(panel, 'Call +33612345678');

    // Click-to-dial: the CRM page opens in a new tab with the number filled in.
    const crmTab = browser.browser.waitForTarget((t) => t.url().startsWith(`${crm.url}/call`), { timeout: 10_000 });
    await phone!.click();
    expect((await crmTab).url()).toBe(`${crm.url}/call?to=%2B33612345678`);
    // The tab's URL is known as its navigation starts; the request reaches the CRM a little later.
    await eventually('the CRM page requested', () => Promise.resolve(crm.calls.includes('/call?to=%2B33612345678') || undefined));
    await waitForText(panel, TRANSCRIPT, 'Alice Martin called +33612345678');

    // Click-to-email: mailto goes to the browser's protocol handling; the panel stays where it is.
    await control(panel, 'button', 'camille.lefebvre@example.com').click();
    await waitForText(panel, TRANSCRIPT, 'Alice Martin wrote an email to camille.lefebvre@example.com');
    expect(panel.url()).toMatch(/sidepanel\.html$/);

    // Call in the contact menu dials through the same configured CRM page.
    await control(panel, 'button', 'Actions for Camille Lefebvre').click();
    await control(panel, 'menuitem', `Call ${CAMILLE}`).click();
    // (The browser also asks the CRM for its favicon: only the call pages count.)
    const callPages = () => crm.calls.filter((url) => url.startsWith('/call'));
    await eventually('the CRM page requested from the contact menu', () => Promise.resolve(callPages().length === 2 || undefined));
    expect(callPages()).toEqual(['/call?to=%2B33612345678', '/call?to=%2B33612345678']);

    // The activity is recorded just after the target opens (inside the click).
    const rows = await eventually('three activities stored', async () => {
      const stored = await server
        .db()
        .query<{ kind: string; target: string; via: string; agent_id: string }>('SELECT kind, target, via, agent_id FROM activities ORDER BY at');
      return stored.length === 3 ? stored : undefined;
    });
    expect(rows).toEqual([
      { kind: 'call', target: '+33612345678', via: 'transcript', agent_id: 'alice' },
      { kind: 'email', target: 'camille.lefebvre@example.com', via: 'transcript', agent_id: 'alice' },
      { kind: 'call', target: '+33612345678', via: 'contact_menu', agent_id: 'alice' },
    ]);

    // Copy: plain text, one line per entry, with times and names.
    await panel.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text);
        return Promise.resolve();
      };
    });
    await control(panel, 'button', 'Copy').click();
    await waitForText(panel, '[role="status"]', 'Transcript copied.');
    const copied = await panel.evaluate(() => (window as unknown as { copied: string[] }).copied[0]!);
    const lines = copied.split('\n').map((line) => line.replace(/^\[\d\d:\d\d( [AP]M)?\] /, ''));
    expect(copied).toMatch(/^\[\d\d:\d\d( [AP]M)?\] Camille Lefebvre: /);
    expect(lines).toEqual([
      `Camille Lefebvre: ${TEXT}`,
      'System: Alice Martin joined the conversation',
      'System: Alice Martin called +33612345678',
      'System: Alice Martin wrote an email to camille.lefebvre@example.com',
      'System: Alice Martin called +33612345678',
    ]);
    // The status is transient: it says so once, then goes (not left for minutes).
    await panel.waitForFunction(() => document.querySelector('.transcript-status')?.textContent === '', { timeout: 10_000 });

    // Selecting across entries and copying gives the same lines for what was selected.
    const selected = await panel.evaluate((selector) => {
      const rowsShown = document.querySelectorAll(`${selector} li.row`);
      const range = document.createRange();
      range.setStart(rowsShown[0]!, 0);
      range.setEnd(rowsShown[1]!, rowsShown[1]!.childNodes.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const event = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
      rowsShown[0]!.dispatchEvent(event);
      return event.clipboardData!.getData('text/plain');
    }, TRANSCRIPT);
    expect(selected.split('\n').map((line) => line.replace(/^\[[^\]]+\] /, ''))).toEqual([
      `Camille Lefebvre: ${TEXT}`,
      'System: Alice Martin joined the conversation',
    ]);
  });

  it('text size applies to the transcript and the message box and is remembered; details fold away', async () => {
    await customerTexts(server.url, { from: '+33698765432', text: 'Bonjour, une question sur ma facture' });
    const panel = await chrome.get().openSidePanel();
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, 'une question sur ma facture');
    const sizes = () =>
      panel.evaluate((selector) => [selector, '.compose textarea'].map((s) => getComputedStyle(document.querySelector(s)!).fontSize), TRANSCRIPT);
    const before = await sizes();
    expect(before).toEqual(['15px', '15px']);

    await panel.select('::-p-aria([name="Text size"][role="combobox"])', '150');
    await panel.waitForFunction((selector) => getComputedStyle(document.querySelector(selector)!).fontSize === '22.5px', {}, TRANSCRIPT);
    expect(await sizes()).toEqual(['22.5px', '22.5px']);

    await panel.reload();
    await panel.waitForSelector(TRANSCRIPT);
    await panel.waitForFunction((selector) => getComputedStyle(document.querySelector(selector)!).fontSize === '22.5px', {}, TRANSCRIPT);
    expect(await panel.$eval('::-p-aria([name="Text size"][role="combobox"])', (s) => (s as HTMLSelectElement).value)).toBe('150');

    const details = await panel.waitForSelector(aria('button', 'Details'));
    expect(await details!.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('true');
    expect(await panel.$eval('.interaction-details', (d) => (d as HTMLElement).hidden)).toBe(false);
    await details!.click();
    expect(await details!.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('false');
    expect(await panel.$eval('.interaction-details', (d) => (d as HTMLElement).hidden)).toBe(true);
    await control(panel, 'button', 'Mark Done').click();
  });

  it('a link tooltip stays inside the 360 px panel and off the warnings under the link', async () => {
    const link = 'https://\u0430pple.com/suivi/colis/1234567890?reference=ABCDEFGHIJ';
    await customerTexts(server.url, { from: '+33698765400', text: `Bonjour, pour suivre le colis cliquez ${link}` });
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, 'pour suivre le colis');
    const anchor = await panel.waitForSelector(`${TRANSCRIPT} a.link`);
    await anchor!.hover();
    await tooltipShown(panel, 'https://xn--pple-43d.com/suivi');
    const boxes = await panel.evaluate((selector) => {
      const tip = [...document.querySelectorAll<HTMLElement>(`${selector} [role="tooltip"]`)].find((t) => !t.hidden)!.getBoundingClientRect();
      const warnings = document.querySelector(`${selector} .link-warnings`)!.getBoundingClientRect();
      return { tip: { left: tip.left, right: tip.right, top: tip.top, bottom: tip.bottom }, warnings: { top: warnings.top, bottom: warnings.bottom }, width: innerWidth };
    }, TRANSCRIPT);
    expect(boxes.tip.left).toBeGreaterThanOrEqual(0);
    expect(boxes.tip.right).toBeLessThanOrEqual(boxes.width);
    const overlaps = boxes.tip.top < boxes.warnings.bottom && boxes.tip.bottom > boxes.warnings.top;
    expect(overlaps).toBe(false);
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-link-tooltip-360-en.png` });
  });
});
