import { describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { acceptOffer, control, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, eventually, newCustomerPhone, PAGE_NUMBER, sentTo, SESSION_NUMBER } from './support/simulator';

async function deliveryRule(server: string, phone: string, outcome: 'deliver' | 'fail', reason?: string) {
  const answer = await fetch(`${server}/api/simulator/delivery-rules`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone, outcome, ...(reason ? { reason } : {}) }),
  });
  expect(answer.status).toBe(200);
}

describe('delivery status in the Chromium side panel', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('a reply becomes "Delivered"; one the network refuses says why and offers Resend, which delivers it', async () => {
    const customer = newCustomerPhone();
    const text = `Bonjour (${customer.slice(-4)})`;
    await customerTexts(server.url, { from: customer, to: SESSION_NUMBER, text });
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, text);

    await control(panel, 'textbox', 'Message').fill('Votre colis arrive demain.');
    await control(panel, 'button', 'Send').click();
    await waitForText(panel, '.entry.out [data-delivery="delivered"]', 'Delivered');

    await deliveryRule(server.url, customer, 'fail', 'unreachable');
    await control(panel, 'textbox', 'Message').fill('Êtes-vous disponible ?');
    await control(panel, 'button', 'Send').click();
    await waitForText(panel, '.entry.out [role="alert"]', 'This reply did not reach the customer: the phone is unreachable');
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-delivery-360-en.png` });

    await deliveryRule(server.url, customer, 'deliver');
    await control(panel, 'button', 'Resend').click();
    await waitForText(panel, TRANSCRIPT, 'sent the reply again (attempt 2)');
    await panel.waitForFunction(() => document.querySelectorAll('.entry.out [data-delivery="delivered"]').length === 2);
    expect(await panel.$$eval('.entry.out [role="alert"]', (alerts) => alerts.length)).toBe(0);
  });

  it('a page-mode reply refused after the interaction closed shows on the desk with Resend and Dismiss', async () => {
    const customer = newCustomerPhone();
    await deliveryRule(server.url, customer, 'fail', 'landline');
    const text = `Mon colis (${customer.slice(-4)}) ?`;
    await customerTexts(server.url, { from: customer, to: PAGE_NUMBER, text });
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, text);
    await control(panel, 'textbox', 'Message').fill('Livraison demain matin.');
    await control(panel, 'button', 'Send').click();

    const card = 'section[aria-label="Replies not delivered (1)"]';
    await waitForText(panel, `${card} [role="alert"]`, 'This reply did not reach the customer: the number is a landline and cannot receive texts');
    await waitForText(panel, card, 'Livraison demain matin.');
    await waitForText(panel, card, customer);
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-undelivered-360-en.png` });

    await deliveryRule(server.url, customer, 'deliver');
    await control(panel, 'button', 'Resend').click();
    await panel.waitForSelector(card, { hidden: true });
    await eventually('the reply sent again', async () => ((await sentTo(server.url, customer)).length === 2 ? true : undefined));
  });

  it('the phone page picks what the network does with replies: "fail: phone unreachable", then "are delivered"', async () => {
    const customer = newCustomerPhone();
    const browser = chrome.get().browser;
    const phone = await browser.newPage();
    await phone.goto(`${server.url}/simulator`);
    await phone.locator('#my-number').fill(customer);
    await phone.waitForFunction(() => document.querySelectorAll('#centre-number option').length > 0);
    await phone.select('#centre-number', SESSION_NUMBER);
    const choose = async (value: string, said: string) => {
      await phone.select('#delivery-outcome', value);
      await phone.locator('#delivery button[type="submit"]').click();
      await waitForText(phone, '#status', said);
    };
    await choose('fail:unreachable', `Replies to ${customer} fail: phone unreachable.`);
    await phone.locator('#message').fill('Bonjour depuis le téléphone');
    await phone.locator('#compose button[type="submit"]').click();

    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, 'Bonjour depuis le téléphone');
    await control(panel, 'textbox', 'Message').fill('Nous vous rappelons.');
    await control(panel, 'button', 'Send').click();
    await waitForText(panel, '.entry.out [role="alert"]', 'the phone is unreachable');

    await choose('deliver', `Replies to ${customer} are delivered.`);
    await control(panel, 'button', 'Resend').click();
    await waitForText(panel, '.entry.out [data-delivery="delivered"]', 'Delivered');
  });
});
