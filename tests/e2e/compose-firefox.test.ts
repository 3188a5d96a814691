import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/firefox';
import { acceptOffer, control } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, SESSION_NUMBER } from './support/simulator';

describe('the message box in Firefox (MV2 build)', () => {
  const server = useTestServer();
  const firefox = useFirefox();

  it('spell checks in its worker, suggests from the keyboard, expands a shortcut and inserts from the library', async () => {
    const panel = await firefox.openPanel(server.url, 'bob');
    await customerTexts(server.url, { from: '+33612345678', to: SESSION_NUMBER, text: 'Bonjour depuis Firefox' });
    await acceptOffer(panel, 'Bonjour depuis Firefox');
    await control(panel, 'textbox', 'Message').click();

    await panel.keyboard.type('I will recieve it. #thanks');
    await panel.keyboard.press(' ');
    const text = () => panel.$eval('.message-field textarea', (t) => (t).value);
    expect(await text()).toBe('I will recieve it. Thank you Camille, have a nice day! Bob');
    await panel.waitForFunction(
      () => [...document.querySelectorAll('.message-mirror [data-misspelling]')].map((s) => s.textContent).join() === 'recieve',
      { polling: 100 },
    );
    expect(await panel.$eval('.sms-counter', (e) => e.textContent)).toBe('58 characters · 1 message · GSM-7');

    await panel.keyboard.down('Control');
    await panel.keyboard.press('.');
    await panel.keyboard.up('Control');
    await panel.waitForSelector('::-p-aria([name="Suggestions for recieve"][role="menu"])');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('receive');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[role="menu"]', { hidden: true });
    expect(await text()).toBe('I will receive it. Thank you Camille, have a nice day! Bob');

    // The library, from the caret (after "receive"), through its search field.
    await control(panel, 'button', 'Responses').click();
    await panel.waitForSelector('::-p-aria([name="Standard responses"][role="dialog"])');
    await panel.keyboard.type('retard');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('dialog', { hidden: true });
    expect(await text()).toMatch(/^I will receiveBonjour Camille, nous sommes désolés .* Bob Durand it\. Thank you/);
  });
});
