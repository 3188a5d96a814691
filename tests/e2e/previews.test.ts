import { describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { elementShowing } from './support/desks';
import { acceptOffer, aria, control, offerShowing, signInAndGoReady, TRANSCRIPT, waitForText } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts, PAGE_NUMBER } from './support/simulator';

const CAMILLE = '+33612345678'; // a demo contact with a name
// "аpple.com" with a Cyrillic а (U+0430), and a right-to-left override hiding "exe.txt" as "txt.exe".
const LOOKALIKE = 'Connectez-vous sur https://\u0430pple.com/login';
const OVERRIDE = 'Pièce jointe facture\u202Etxt.exe';
const MAILTO = 'mailto:service@x.fr?cc=evil@x.com&subject=Remboursement';

describe('customer text outside the transcript follows the link rules', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('the offer card and the history show a look-alike host in punycode with its warning, an override made visible, nothing clickable', async () => {
    await customerTexts(server.url, { from: CAMILLE, to: PAGE_NUMBER, text: `${LOOKALIKE} ${OVERRIDE} ou ${MAILTO}` });
    const panel = await chrome.get().openSidePanel();
    await panel.setViewport({ width: 360, height: 800 });
    await signInAndGoReady(panel, server.url);

    const offer = await offerShowing(panel, 'xn--pple-43d.com');
    const card = await offer.evaluate((e) => ({
      text: e.textContent ?? '',
      links: e.querySelectorAll('a').length,
      address: e.querySelector('.link-readonly')?.textContent,
      warnings: [...e.querySelectorAll('.link-warning')].map((w) => w.textContent),
    }));
    expect(card.address).toBe('https://xn--pple-43d.com/login');
    expect(card.text).not.toContain('https://\u0430pple');
    expect(card.text).toContain('⟪U+202E⟫');
    expect(card.links).toBe(0);
    expect(card.warnings).toContain('The site name mixes alphabets to look like \u2068apple.com\u2069. It is another site.');
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-preview-offer-360-en.png` });

    await acceptOffer(panel, 'xn--pple-43d.com');
    // A mailto with extra recipients and a subject is written out whole, not an email button to its first address.
    const live = await panel.$eval(TRANSCRIPT, (e) => ({ text: e.textContent ?? '', emails: e.querySelectorAll('.entity-email').length }));
    expect(live.text).toContain(MAILTO);
    expect(live.emails).toBe(0);
    await control(panel, 'textbox', 'Message').fill('Ne cliquez pas sur ce lien.');
    await control(panel, 'button', 'Send').click();
    // Page mode: the reply closes the interaction, so Camille's next SMS is a new one.
    await panel.waitForSelector(aria('textbox', 'Message'), { hidden: true });

    await customerTexts(server.url, { from: CAMILLE, to: PAGE_NUMBER, text: 'Merci, et maintenant ?' });
    await acceptOffer(panel, 'Merci, et maintenant ?');
    await control(panel, 'button', 'History').click();
    await waitForText(panel, '.history-preview', 'xn--pple-43d.com');
    const item = await elementShowing(panel, '.history-item', 'xn--pple-43d.com');
    const preview = await item.$eval('.history-preview', (e) => ({
      address: e.querySelector('.link-readonly')?.textContent,
      links: e.querySelectorAll('a').length,
      warnings: e.querySelectorAll('.link-warning').length,
    }));
    expect(preview.address).toBe('https://xn--pple-43d.com/login');
    expect(preview.links).toBe(0);
    expect(preview.warnings).toBeGreaterThan(0);

    // The past transcript names the contact, as the live one does.
    await item.evaluate((e) => [...e.querySelectorAll('button')].find((b) => b.textContent === 'Show transcript')?.click());
    await waitForText(panel, '.history-transcript', 'Ne cliquez pas sur ce lien.');
    const senders = await panel.$$eval('.history-transcript .entry.message .sender', (s) => s.map((e) => e.textContent));
    const liveSender = await panel.$eval(`${TRANSCRIPT} .entry.message.in .sender`, (e) => e.textContent);
    expect(senders[0]).toBe(liveSender);
    expect(senders[0]).not.toBe(CAMILLE);
    expect(await panel.$eval('.history-transcript', (e) => e.textContent ?? '')).toContain('xn--pple-43d.com');
    await panel.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/texto-preview-history-360-en.png`, fullPage: true });
  });
});
