import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDesk, elementShowing, openDesk, TAB, type Desk } from './support/desks';
import { acceptOffer, aria, control, offerShowing, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, PAGE_NUMBER, SESSION_NUMBER } from './support/simulator';

type ChromeApi = {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
  };
  textoE2ePressNotificationButton(notificationId: string, buttonIndex: number): void;
};

/** Session-mode texts end after 5 s of silence here, so a test sees the warning and the end. */
const INACTIVITY_SECONDS = 5;

describe('one agent, several interactions, and a session ending for inactivity', () => {
  let server: TestServer;
  let alice: Desk;
  beforeAll(async () => {
    server = await startTestServer({ configure: (c) => (c.numbers[1]!.sessionInactivitySeconds = INACTIVITY_SECONDS) });
    alice = await openDesk(server.url, 'alice', { ready: true });
  });
  afterAll(async () => {
    await closeDesk(alice);
    await server?.close();
  });

  const badge = async () => (await alice.worker()).evaluate(() => (globalThis as unknown as ChromeApi).chrome.action.getBadgeText({}));
  const waitBadge = (text: string) => eventually(`badge "${text}"`, async () => ((await badge()) === text ? true : undefined));
  const tab = (text: string) => elementShowing(alice.panel, TAB, text);
  const draft = () => alice.panel.$eval('.compose textarea', (e) => e.value);

  it('lists open interactions as tabs with unread counts, keeps each draft across switches and a panel reopen, and badges offers + unread', async () => {
    const [first, second, third] = [newCustomerPhone(), newCustomerPhone(), newCustomerPhone()];
    const firstName = first; // unknown customers: the tab shows their number
    await customerTexts(server.url, { from: first, to: PAGE_NUMBER, text: 'Premier client' });
    await customerTexts(server.url, { from: second, to: PAGE_NUMBER, text: 'Second client' });
    await offerShowing(alice.panel, 'Second client');
    await waitBadge('2');
    await acceptOffer(alice.panel, 'Premier client');
    await acceptOffer(alice.panel, 'Second client');
    await waitBadge('');
    expect(await alice.panel.$$eval(TAB, (tabs) => tabs.map((t) => t.getAttribute('aria-selected')))).toEqual(['false', 'true']);

    await control(alice.panel, 'textbox', 'Message').fill('brouillon pour le second');
    await (await tab(firstName)).click();
    await waitForText(alice.panel, TRANSCRIPT, 'Premier client');
    expect(await draft()).toBe('');
    await control(alice.panel, 'textbox', 'Message').fill('brouillon pour le premier');

    // The second customer writes while the first is shown: unread on its tab and on the badge.
    await customerTexts(server.url, { from: second, to: PAGE_NUMBER, text: 'Vous êtes là ?' });
    await waitForText(alice.panel, TAB, '1 unread');
    expect(await (await tab('1 unread')).evaluate((e) => e.textContent)).toContain(second);
    await waitBadge('1');
    await (await tab(second)).click();
    await waitForText(alice.panel, TRANSCRIPT, 'Vous êtes là ?');
    expect(await draft()).toBe('brouillon pour le second');
    await waitBadge('');
    expect(await alice.panel.$$eval(TAB, (tabs) => tabs.some((t) => t.textContent?.includes('unread')))).toBe(false);

    // Panel closed: a text counts as unread; reopened, the tab and the drafts are as they were.
    await alice.panel.close();
    await customerTexts(server.url, { from: first, to: PAGE_NUMBER, text: 'Pendant que le panneau est fermé' });
    await waitBadge('1');
    alice.panel = await alice.chrome.openSidePanel();
    await waitForText(alice.panel, TRANSCRIPT, 'Vous êtes là ?');
    await eventually('the draft back', async () => ((await draft()) === 'brouillon pour le second' ? true : undefined));
    const firstTab = await tab('1 unread');
    expect(await firstTab.evaluate((e) => e.textContent)).toContain(firstName);
    // Arrow keys move between tabs.
    await (await tab(second)).focus();
    await alice.panel.keyboard.press('ArrowLeft');
    await waitForText(alice.panel, TRANSCRIPT, 'Pendant que le panneau est fermé');
    expect(await draft()).toBe('brouillon pour le premier');
    await waitBadge('');

    // A third offer, accepted from the system notification's Accept button.
    const { interactionId } = await customerTexts(server.url, { from: third, to: PAGE_NUMBER, text: 'Troisième client' });
    await offerShowing(alice.panel, 'Troisième client');
    const worker = await alice.worker();
    const notificationId = `texto-offer:${interactionId}`;
    await eventually('the notification', async () =>
      (await worker.evaluate(async () => Object.keys(await (globalThis as unknown as ChromeApi).chrome.notifications.getAll()))).includes(notificationId)
        ? true
        : undefined,
    );
    await worker.evaluate((id) => (globalThis as unknown as ChromeApi).textoE2ePressNotificationButton(id, 0), notificationId);
    await waitForText(alice.panel, TAB, third);
    await alice.panel.waitForSelector('article.offer', { hidden: true });
    expect(await worker.evaluate(async () => Object.keys(await (globalThis as unknown as ChromeApi).chrome.notifications.getAll()))).toEqual([]);

    for (const phone of [third, second, first]) {
      await (await tab(phone)).click();
      await control(alice.panel, 'button', 'Mark Done').click();
      await alice.panel.waitForFunction((p) => ![...document.querySelectorAll('[role="tab"]')].some((t) => t.textContent?.includes(p)), {}, phone);
    }
  });

  it('a silent session shows its time left and a warning (seen and heard), then the system message, and closes with Mark Done', async () => {
    const phone = newCustomerPhone();
    await customerTexts(server.url, { from: phone, to: SESSION_NUMBER, text: 'Je vous laisse réfléchir' });
    const cuesBefore = Number(await alice.panel.$eval('main.work', (e) => e.getAttribute('data-warning-cues')));
    await acceptOffer(alice.panel, 'Je vous laisse réfléchir');

    await waitForText(alice.panel, '[role="timer"]', 'Session ends in 0:0');
    await waitForText(alice.panel, '[role="alert"]', 'Less than a minute left: the session ends for inactivity');
    await eventually('the warning chime', async () =>
      Number(await alice.panel.$eval('main.work', (e) => e.getAttribute('data-warning-cues'))) === cuesBefore + 1 ? true : undefined,
    );

    await waitForText(alice.panel, TRANSCRIPT, `The session ended: no SMS was exchanged for ${INACTIVITY_SECONDS} s`, 15_000);
    await alice.panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });
    await waitForText(alice.panel, '.ended-session', 'This session has ended for inactivity');
    await waitForText(alice.panel, TAB, 'Ended');
    expect(await alice.panel.$('[role="timer"]')).toBeNull();
    await control(alice.panel, 'button', 'Mark Done').click();
    await alice.panel.waitForSelector(TAB, { hidden: true });
  });

  it('with the panel closed, a session entering its last minute raises a system notification, gone when the session ends', async () => {
    await alice.panel.close();
    const phone = newCustomerPhone();
    const { interactionId } = await customerTexts(server.url, { from: phone, to: SESSION_NUMBER, text: 'Panneau fermé' });
    const worker = await alice.worker();
    const notifications = () => worker.evaluate(async () => Object.keys(await (globalThis as unknown as ChromeApi).chrome.notifications.getAll()));
    await eventually('the offer notification', async () => ((await notifications()).includes(`texto-offer:${interactionId}`) ? true : undefined));
    await worker.evaluate((id) => (globalThis as unknown as ChromeApi).textoE2ePressNotificationButton(id, 0), `texto-offer:${interactionId}`);
    await eventually('the session warning', async () =>
      (await notifications()).some((id) => id.startsWith(`texto-session-warning:${interactionId}@`)) ? true : undefined,
    );
    await eventually('the warning gone with the session', async () => ((await notifications()).length === 0 ? true : undefined), 15_000);

    alice.panel = await alice.chrome.openSidePanel();
    await waitForText(alice.panel, TRANSCRIPT, 'The session ended');
    await control(alice.panel, 'button', 'Mark Done').click();
    await alice.panel.waitForSelector(TAB, { hidden: true });
  });
});
