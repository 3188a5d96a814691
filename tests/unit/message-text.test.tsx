import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { detectEntities, type Entity } from '../../lib/entities/detect';
import { describeLink } from '../../lib/links/display';
import { HOSTILE_URLS } from '../fixtures/hostile-urls';
import { installEnglishMessages } from '../support/messages';

installEnglishMessages();
const { MessageText } = await import('../../components/transcript/MessageText');

const ignore = () => undefined;
function render(text: string, entities: readonly Entity[] = detectEntities(text, { region: 'FR' })): string {
  return renderToString(<MessageText text={text} entities={entities} onDial={ignore} onEmail={ignore} />);
}
const attribute = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]);

describe('MessageText', () => {
  it('renders a web link with its real address, a new tab, noopener noreferrer and an accessible tooltip', () => {
    const html = render('voir https://x.fr/a, merci');
    expect(html).toContain('<a href="https://x.fr/a" target="_blank" rel="noopener noreferrer" class="link"');
    const [describedBy] = attribute(html, 'aria-describedby');
    expect(html).toMatch(new RegExp(`<span role="tooltip" id="${describedBy}" class="entity-tooltip" hidden>https://x.fr/a — opens in a new tab</span>`));
    expect(html).toContain('<span class="link-host">x.fr</span>');
    expect(html).toContain('>voir <');
    expect(html).toContain(', merci');
    expect(html).not.toContain('title=');
  });

  it('shows the normalised address of a bare domain', () => {
    const html = render('sur www.exemple.fr.');
    expect(attribute(html, 'href')).toEqual(['http://www.exemple.fr/']);
    expect(html).toContain('<span class="link-scheme">http://</span><span class="link-host">www.exemple.fr</span>');
  });

  it('isolates each entity left-to-right and shows overrides in plain text', () => {
    const html = render('\u202Eabc https://x.fr/\u202Egpj.exe');
    expect(html).toContain('⟪U+202E⟫abc ');
    expect(html).toContain('<bdi dir="ltr" class="entity">');
    expect(html).toContain('/⟪U+202E⟫gpj.exe');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('The address contains hidden text-direction characters');
  });

  it('keeps the marks right-to-left text needs', () => {
    expect(render('שלום\u200F, ok')).toContain('שלום\u200F, ok');
  });

  it('makes a user-info trick visible and says where the link goes', () => {
    const html = render('https://bank.example@evil.example/');
    expect(html).toContain('<span class="link-userinfo">bank.example@</span><span class="link-host">evil.example</span>');
    expect(html).toContain('This link goes to \u2068evil.example\u2069. The text before “@” is not the site.');
    const [describedBy] = attribute(html, 'aria-describedby');
    const [tooltipId, warningsId] = (describedBy ?? '').split(' ');
    expect(html).toContain(`role="tooltip" id="${tooltipId}"`);
    expect(html).toContain(`<span id="${warningsId}" class="link-warnings">`);
  });

  it('shows a look-alike host in punycode with its Unicode form and the reason', () => {
    const html = render('Votre compte : https://аpple.com/login');
    expect(html).toContain('<span class="link-host">xn--pple-43d.com</span>');
    expect(html).toContain('Written as: \u2068аpple.com\u2069');
    expect(html).toContain('The site name mixes alphabets to look like \u2068apple.com\u2069. It is another site.');
  });

  it('renders phone numbers and email addresses as buttons named by their text', () => {
    const html = render('Appelez le 06 12 34 56 78 ou écrivez à jean@exämple.fr');
    expect(html).toContain('<button type="button" class="link entity-phone"');
    expect(html).toMatch(/class="link entity-phone" aria-describedby="[^"]+">06 12 34 56 78<\/button>/);
    expect(html).toContain('Call +33612345678');
    expect(html).toContain('<span class="link-mailbox">jean@</span><span class="link-host">exämple.fr</span></button>');
    expect(html).toContain('Write an email to jean@xn--exmple-cua.fr');
    expect(attribute(html, 'href')).toEqual([]);
  });

  it('flags an email address on a look-alike domain', () => {
    const html = render('support@аpple.com');
    expect(html).toContain('<span class="link-host">xn--pple-43d.com</span>');
    expect(html).toContain('class="link-warnings"');
  });

  it('renders hostile text as inert text', () => {
    const text = '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) data:text/html,<b>x</b> "quoted" & co';
    const html = render(text);
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)> javascript:alert(1)');
    expect(attribute(html, 'href')).toEqual([]);
  });

  it.each(HOSTILE_URLS.map((entry) => [entry.name, entry] as const))('never links anything but http(s): %s', (_name, entry) => {
    const text = `lien : ${entry.href} !`;
    const entity: Entity = { kind: 'url', start: 7, end: 7 + entry.href.length, raw: entry.href, href: entry.href };
    const html = render(text, [entity]);
    const hrefs = attribute(html, 'href');
    const view = describeLink(entry.href);
    if (view.clickable && (view.scheme === 'http' || view.scheme === 'https')) {
      expect(hrefs).toEqual([view.href.replaceAll('&', '&amp;')]);
    } else {
      expect(hrefs).toEqual([]);
    }
    for (const href of hrefs) expect(href).toMatch(/^https?:/);
    // No live bidi control from the customer anywhere (the warnings' own isolates aside).
    expect(html.replace(/\u2068[^\u2068\u2069]*\u2069/gu, '')).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u);
  });

  it('leaves text plain where a stale entity does not match it', () => {
    const html = render('voir https://x.fr', [
      { kind: 'url', start: 0, end: 4, raw: 'voir', href: 'https://evil.example/' },
      { kind: 'url', start: 5, end: 30, raw: 'https://x.fr', href: 'https://x.fr' },
    ]);
    expect(attribute(html, 'href')).toEqual([]);
    expect(html).toContain('voir https://x.fr');
  });

  it('never shortens a 10 KB address', () => {
    const href = `https://x.fr/${'a'.repeat(10_240)}`;
    const html = render(`lien ${href}`);
    expect(html).toContain(`<span class="link-path">/${'a'.repeat(10_240)}</span>`);
  });
});
