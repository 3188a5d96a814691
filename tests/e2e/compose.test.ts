import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromeWithExtension, type ChromeWithExtension } from '../../scripts/browser';
import { acceptOffer, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { startTestServer, type TestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, sentTo, SESSION_NUMBER } from './support/simulator';

// The message box in the real Chromium side panel: counter, look-alikes, standard responses,
// spell check (English and French), the warning before sending, long replies. One browser and
// one signed-in agent for the whole file; each test opens its own session-mode interaction and
// closes it with Mark Done, so several never compete for "the" Message box.

const CAMILLE = '+33612345678'; // a demo contact: {contact.firstName} is Camille
const MESSAGE = '::-p-aria([name="Message"][role="textbox"])';
const byRole = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

describe('the message box', () => {
  let server: TestServer;
  let chrome: ChromeWithExtension;
  let panel: Page;

  beforeAll(async () => {
    server = await startTestServer({ persistent: true, configure: (config) => (config.compose.spellingWarning = true) });
    chrome = await launchChromeWithExtension({ headless: true });
    panel = await chrome.openSidePanel();
    await signInAndGoReady(panel, server.url);
  });
  afterAll(async () => {
    await chrome?.browser.close();
    await server?.close();
  });
  // A test that failed half-way leaves its interaction open: close it so the next one starts clean.
  afterEach(async () => {
    await panel.keyboard.press('Escape');
    for (const button of await panel.$$(byRole('button', 'Mark Done'))) await button.click();
    await panel.waitForSelector(MESSAGE, { hidden: true, timeout: 5000 }).catch(() => undefined);
  });

  /** A customer texts the session number; the agent accepts; the Message box is focused. */
  async function openInteraction(text: string, from = newCustomerPhone()): Promise<string> {
    const tagged = `${text} (${from.slice(-4)})`;
    await customerTexts(server.url, { from, to: SESSION_NUMBER, text: tagged });
    await acceptOffer(panel, tagged);
    await control(panel, 'textbox', 'Message').click();
    return from;
  }
  const markDone = async () => {
    await control(panel, 'button', 'Mark Done').click();
    await panel.waitForSelector(MESSAGE, { hidden: true });
  };
  const box = () =>
    panel.$eval('.message-field textarea', (area) => {
      const t = area;
      return { value: t.value, selected: t.value.slice(t.selectionStart, t.selectionEnd) };
    });
  const counter = () => panel.$eval('.sms-counter', (e) => e.textContent ?? '');
  /** How far Send sits below the Message box (what moves if a line under the box appears or wraps). */
  const sendBelowBox = () =>
    panel.$eval(MESSAGE, (area) => {
      const send = [...(area.closest('form')?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Send');
      return Math.round((send?.getBoundingClientRect().top ?? NaN) - area.getBoundingClientRect().bottom);
    });
  /** Waits until the mirror behind the box marks exactly `texts` with `marker` (it redraws when the checker answers). */
  const waitMarked = (marker: string, texts: string[]) =>
    panel.waitForFunction(
      (selector, expected) => {
        const found = [...new Set([...document.querySelectorAll(`.message-mirror ${selector}`)].map((s) => s.textContent))];
        return JSON.stringify(found) === JSON.stringify(expected);
      },
      { polling: 50, timeout: 5000 },
      marker,
      texts,
    );
  const waitUnderlined = (words: string[]) => waitMarked('[data-misspelling]', words);
  const pressCtrl = async (key: KeyInput) => {
    await panel.keyboard.down('Control');
    await panel.keyboard.press(key);
    await panel.keyboard.up('Control');
  };
  const clearBox = async () => {
    await pressCtrl('KeyA');
    await panel.keyboard.press('Backspace');
  };

  it('counts a Unicode text live, lists the characters that need Unicode, and replaces the look-alikes', async () => {
    await openInteraction('Bonjour');
    await panel.keyboard.type('Hello “Camille” — ok…');
    expect(await counter()).toBe('21 characters · 1 message · Unicode (UCS-2)');
    await waitForText(panel, '.unicode-characters', 'Characters that need Unicode');
    const listed = await panel.$eval('.unicode-characters p', (e) => e.textContent ?? '');
    expect(listed).toContain('“ U+201C at 7');
    expect(listed).toContain('— U+2014 at 17');
    expect(listed).toContain('… U+2026 at 21');
    // The same characters are highlighted behind the text.
    await waitMarked('.unicode', ['“', '”', '—', '…']);
    // The box tells screen readers where to find the list.
    const described = await panel.$eval('.message-field textarea', (t) =>
      (t.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
    );
    expect(described.join(' ')).toContain('Characters that need Unicode');

    await control(panel, 'button', 'Replace look-alikes').click();
    expect((await box()).value).toBe('Hello "Camille" - ok...');
    expect(await counter()).toBe('23 characters · 1 message · GSM-7');
    expect(await panel.$('.unicode-characters')).toBeNull();
    // One Ctrl+Z undoes the whole replacement: it went through the editing stack.
    await pressCtrl('KeyZ');
    expect((await box()).value).toBe('Hello “Camille” — ok…');

    // An emoji counts as one character but switches to 70 per message: 71 of them make 2.
    await clearBox();
    await panel.keyboard.type('👍🏽 ok');
    expect(await counter()).toBe('4 characters · 1 message · Unicode (UCS-2)');
    await control(panel, 'textbox', 'Message').fill('a'.repeat(153 * 10 + 1));
    await waitForText(panel, '[role="alert"]', 'Too long: 11 messages. The limit is 10; shorten the reply to send it.');
    expect(await panel.$eval('.compose button[type="submit"]', (b) => b.disabled)).toBe(true);
    await markDone();
  });

  it('replaces #hours + Space with the response, its variables filled; Tab and the library work too', async () => {
    await openInteraction('Vous ouvrez quand ?', CAMILLE);
    await panel.keyboard.type('#hours');
    await panel.keyboard.press('Space');
    expect((await box()).value).toBe('Hello Camille, our shop is open Monday to Saturday from 9am to 7pm. Alice, customer service');

    // The library, searched and inserted at the caret (here: at the end, after a space).
    await panel.keyboard.type(' ');
    await control(panel, 'button', 'Responses').click();
    const dialog = await panel.waitForSelector(byRole('dialog', 'Standard responses'));
    expect(await dialog!.evaluate((d) => d.textContent)).toContain('Orders');
    // The dialog opens on its search field.
    await panel.keyboard.type('merci');
    await panel.waitForFunction(() => document.querySelectorAll('.responses-dialog button.response').length === 1);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector(byRole('dialog', 'Standard responses'), { hidden: true });
    const { value } = await box();
    expect(value.endsWith('customer service Merci Camille, bonne journée ! Alice')).toBe(true);
    await markDone();

    // A customer who is not in the directory: the missing first name is a placeholder, selected.
    await openInteraction('Merci pour tout');
    await panel.keyboard.type('#THANKS');
    await panel.keyboard.press('Tab');
    expect(await box()).toEqual({ value: 'Thank you [first name], have a nice day! Alice', selected: '[first name]' });
    // An unknown keyword stays as typed and Space is a space.
    await clearBox();
    await panel.keyboard.type('#nothing ');
    expect((await box()).value).toBe('#nothing ');
    await markDone();
  });

  it('does not send a reply holding an unfilled variable: highlighted, the agent told, the placeholder selected', async () => {
    const customer = await openInteraction('Merci beaucoup');
    await panel.keyboard.type('#thanks');
    await panel.keyboard.press('Space');
    await panel.keyboard.press('End');
    await pressCtrl('Enter');
    const alert = await panel.waitForSelector('.compose [role="alert"].unfilled-variables');
    expect(await alert!.evaluate((e) => e.textContent)).toBe('Replace [first name] before sending: the customer would read it as it is.');
    expect(await box()).toEqual({ value: 'Thank you [first name], have a nice day! Alice', selected: '[first name]' });
    expect(await panel.$eval('.message-mirror .unfilled', (e) => e.textContent)).toBe('[first name]');
    expect(await panel.$eval(MESSAGE, (e) => e.getAttribute('aria-invalid'))).toBe('true');
    // Send by the button is refused the same way; nothing reached the phone.
    await control(panel, 'button', 'Send').click();
    expect(await sentTo(server.url, customer)).toEqual([]);

    // Typing over the selected placeholder fills it: the warning goes and the reply is sent.
    await panel.keyboard.type('Sam');
    await panel.waitForSelector('.unfilled-variables', { hidden: true });
    expect(await panel.$$('.message-mirror .unfilled')).toHaveLength(0);
    await pressCtrl('Enter');
    const sent = await eventually('the reply on the phone', async () => {
      const received = await sentTo(server.url, customer);
      return received.length > 0 ? received : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Thank you Sam, have a nice day! Alice']);
    await markDone();
  });

  it('sends a long reply as 3 SMS: the simulator receives 3 parts, the transcript says "Sent as 3 messages"', async () => {
    const customer = await openInteraction('Où est mon colis ?');
    const reply = 'Your parcel left our warehouse this morning and will arrive tomorrow before noon. '.repeat(5).trim();
    await control(panel, 'textbox', 'Message').fill(reply);
    expect(await counter()).toBe(`${reply.length} characters · 3 messages · GSM-7`);
    await control(panel, 'button', 'Send').click();
    await waitForText(panel, TRANSCRIPT, 'Sent as 3 messages');
    const transcript = await panel.$eval(TRANSCRIPT, (e) => e.textContent ?? '');
    expect(transcript.split(reply).length - 1).toBe(1); // the text once

    const parts = await eventually('three parts on the phone', async () => {
      const received = await sentTo(server.url, customer);
      return received.length === 3 ? received : undefined;
    });
    expect(parts.map((p) => p.text).join('')).toBe(reply);
    expect(parts.map((p) => p.concatenation?.part)).toEqual([1, 2, 3]);

    // The simulator page joins the parts into one bubble, as a phone does.
    const phonePage = await chrome.browser.newPage();
    await phonePage.goto(`${server.url}/simulator`);
    await phonePage.$eval('#my-number', (input, phone) => {
      (input as HTMLInputElement).value = phone;
      input.dispatchEvent(new Event('change'));
    }, customer);
    await phonePage.select('#centre-number', SESSION_NUMBER);
    await waitForText(phonePage, '#conversation', '3 parts joined');
    expect(await phonePage.$$eval('#conversation li.received', (items) => items.length)).toBe(1);
    await phonePage.close();
    await markDone();
  });

  it('English spelling: underlines as the agent types, a suggestion applied from the keyboard, Add to dictionary', async () => {
    await openInteraction('Hello');
    await waitForText(panel, '.spelling-status', 'No spelling mistakes');
    const sendOffsetBefore = await sendBelowBox();
    // The word being typed is left alone until the agent leaves it (here: types the period).
    await panel.keyboard.type('I will recieve it tomorow');
    await panel.waitForSelector('.message-field[data-spelling="checked"]');
    expect(await panel.$$eval('.message-mirror [data-misspelling]', (spans) => spans.map((span) => span.textContent))).toEqual(['recieve']);
    await waitForText(panel, '.spelling-status', '1 word to check');
    await panel.keyboard.type('.');
    await waitUnderlined(['recieve', 'tomorow']);
    await waitForText(panel, '.spelling-status', '2 words to check');
    // The check's answer arrives while the agent may be reaching for Send: Send stays where it was.
    expect(await sendBelowBox()).toBe(sendOffsetBefore);

    // Ctrl+. opens the suggestions of the misspelling at the caret, else the next one (from the
    // end of the text, back to the first).
    await pressCtrl('Period');
    const menu = await panel.waitForSelector(byRole('menu', 'Suggestions for recieve'));
    expect(await menu!.$$eval('[role="menuitem"]', (items) => items.map((i) => i.textContent))).toContain('receive');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('receive');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[role="menu"]', { hidden: true });
    expect((await box()).value).toBe('I will receive it tomorow.');
    await waitUnderlined(['tomorow']);
    await pressCtrl('Period');
    await panel.waitForSelector(byRole('menu', 'Suggestions for tomorow'));
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('[role="menu"]', { hidden: true });
    expect(await panel.evaluate(() => document.activeElement?.matches('.message-field textarea'))).toBe(true);

    // A right click on the underlined word opens the same menu; Add to dictionary is the last item.
    const rect = await panel.$eval('.message-mirror [data-misspelling]', (span) => {
      const r = span.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await panel.mouse.click(rect.x, rect.y, { button: 'right' });
    await panel.waitForSelector(byRole('menu', 'Suggestions for tomorow'));
    await panel.keyboard.press('End');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Add to dictionary');
    await panel.keyboard.press('Enter');
    await waitUnderlined([]);
    await waitForText(panel, '.spelling-status', 'No spelling mistakes');
    const stored = await panel.evaluate(async () => {
      type Storage = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
      return (await (globalThis as unknown as Storage).chrome.storage.local.get('texto.spelling.words.en'))['texto.spelling.words.en'];
    });
    expect(stored).toEqual(['tomorow']);
    await markDone();
  });

  it('asks before sending misspelled text: No returns to the first misspelling, Yes sends', async () => {
    const customer = await openInteraction('Vous êtes là ?');
    await panel.keyboard.type('Thanks for waitng, see you tomorow');
    await control(panel, 'button', 'Send').click();
    const warning = await panel.waitForSelector(byRole('alertdialog', 'Spelling mistakes'));
    expect(await warning!.evaluate((d) => d.textContent)).toContain('Your reply has a possible misspelling: waitng. Send it anyway?');

    // The default answer (focused, styled as the primary button, first) is the safe one.
    const defaultButton = await panel.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      const buttons = [...document.querySelectorAll('[role="alertdialog"] button')];
      return { text: focused.textContent, primary: focused.classList.contains('primary'), first: buttons[0] === focused, primaries: buttons.filter((b) => b.classList.contains('primary')).length };
    });
    expect(defaultButton).toEqual({ text: 'No, go back', primary: true, first: true, primaries: 1 });
    await control(panel, 'button', 'No, go back').click();
    await panel.waitForSelector('[role="alertdialog"]', { hidden: true });
    expect(await box()).toEqual({ value: 'Thanks for waitng, see you tomorow', selected: 'waitng' });
    expect(await panel.evaluate(() => document.activeElement?.matches('.message-field textarea'))).toBe(true);
    expect(await sentTo(server.url, customer)).toEqual([]);

    await pressCtrl('Enter');
    await panel.waitForSelector(byRole('alertdialog', 'Spelling mistakes'));
    await control(panel, 'button', 'Yes, send anyway').click();
    const sent = await eventually('the reply on the phone', async () => {
      const received = await sentTo(server.url, customer);
      return received.length > 0 ? received : undefined;
    });
    expect(sent.map((m) => m.text)).toEqual(['Thanks for waitng, see you tomorow']);
    await markDone();
  });

  it('French spelling: accents and apostrophes (aujourd’hui, l’hôpital), the language remembered', async () => {
    await openInteraction('Bonjour');
    await panel.select(byRole('combobox', 'Spelling'), 'fr');
    await panel.keyboard.type("Je serai à l'hopital aujourd'hui, peut-etre demain.");
    await waitUnderlined(["l'hopital", 'etre']);
    await pressCtrl('Home');
    await pressCtrl('Period');
    await panel.waitForSelector(byRole('menu', "Suggestions for l'hopital"));
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe("l'hôpital");
    await panel.keyboard.press('Enter');
    await waitUnderlined(['etre']);
    // Shift+F10 (the context-menu key) on the word itself: the caret right after "etre".
    await pressCtrl('End');
    for (let i = 0; i < ' demain.'.length; i += 1) await panel.keyboard.press('ArrowLeft');
    await panel.keyboard.down('Shift');
    await panel.keyboard.press('F10');
    await panel.keyboard.up('Shift');
    await panel.waitForSelector(byRole('menu', 'Suggestions for etre'));
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('être');
    await panel.keyboard.press('Enter');
    await waitUnderlined([]);
    expect((await box()).value).toBe("Je serai à l'hôpital aujourd'hui, peut-être demain.");
    // Typographic apostrophes are words too.
    await panel.keyboard.type(' C’est l’hôpital d’aujourd’hui.');
    await waitForText(panel, '.spelling-status', 'No spelling mistakes');
    await markDone();

    // A panel opened later keeps French.
    await panel.close();
    panel = await chrome.openSidePanel();
    await openInteraction('Re-bonjour');
    expect(await panel.$eval('.spelling-language select', (s) => s.value)).toBe('fr');
    await panel.keyboard.type('Merci pour votre mesage.');
    await waitUnderlined(['mesage']);
    await panel.select(byRole('combobox', 'Spelling'), 'en');
    await markDone();
  });

  it('opens the responses library from IndexedDB while the server is unreachable', async () => {
    await openInteraction('Dernière question');
    await server.stop();
    await waitForText(panel, '.connection-text', 'Reconnecting');
    // A new panel has nothing in memory: the library can only come from IndexedDB.
    await panel.close();
    panel = await chrome.openSidePanel();
    await control(panel, 'button', 'Responses').click();
    const dialog = await panel.waitForSelector(byRole('dialog', 'Standard responses'));
    await waitForText(panel, '.responses-dialog', 'Delivery delay');
    expect(await dialog!.$$eval('button.response', (buttons) => buttons.length)).toBe(6);
    await control(panel, 'button', 'Delivery delay').click();
    expect((await box()).value).toMatch(/^Hello \[first name\], we are sorry: your order is delayed/);
  });
});
