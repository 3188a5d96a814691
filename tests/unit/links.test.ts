import { describe, expect, it } from 'vitest';
import { hasBidiControl, revealInvisible, revealOverrides } from '../../lib/links/bidi';
import { describeLink } from '../../lib/links/display';
import { describeEmail } from '../../lib/links/email';
import { describeHost } from '../../lib/links/idn';
import { readableComponent } from '../../lib/links/readable';
import { HOSTILE_URLS } from '../fixtures/hostile-urls';

describe('describeLink on the hostile corpus', () => {
  it.each(HOSTILE_URLS.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const view = describeLink(entry.href);
    expect(view.clickable).toBe(entry.clickable);
    expect(view.text).toBe(entry.text);
    expect(view.warnings.map((warning) => warning.kind)).toEqual(entry.warnings);
    expect(view.segments.map((segment) => segment.text).join('')).toBe(view.text);
    if (entry.opens !== undefined) expect(view.href).toBe(entry.opens);
    if (view.clickable) {
      expect(['http', 'https', 'mailto', 'tel']).toContain(view.scheme);
      expect(view.href).toMatch(/^(https?|mailto|tel):/);
      // The tooltip is the full URL that opens, and it never carries a live bidi control.
      expect(view.tooltip).toBe(view.href);
      expect(hasBidiControl(view.tooltip)).toBe(false);
    } else {
      expect(view.href).toBe('');
    }
    expect(hasBidiControl(view.text)).toBe(false);
  });
});

describe('describeLink details', () => {
  it('names the real host when user-info precedes it, and marks the parts', () => {
    const view = describeLink('https://bank.example@evil.example/');
    expect(view.warnings).toContainEqual({ kind: 'userinfo', host: 'evil.example' });
    expect(view.segments).toEqual([
      { role: 'scheme', text: 'https://' },
      { role: 'userinfo', text: 'bank.example@' },
      { role: 'host', text: 'evil.example' },
      { role: 'path', text: '/' },
    ]);
  });

  it('gives the Unicode form beside a host shown in punycode, and what it imitates', () => {
    const view = describeLink('https://аpple.com/login');
    expect(view.segments.find((segment) => segment.role === 'host')?.text).toBe('xn--pple-43d.com');
    expect(view.warnings).toEqual([
      { kind: 'punycode', unicode: 'аpple.com' },
      { kind: 'mixed_script', imitates: 'apple.com' },
    ]);
  });

  it('names the site a Latin look-alike imitates', () => {
    expect(describeLink('https://login.gõõgle.com/').warnings).toContainEqual({ kind: 'lookalike', imitates: 'google.com' });
  });

  it('calls out look-alikes of a deployment’s own brand', () => {
    const href = 'https://téxto.example/';
    expect(describeLink(href).warnings).toEqual([]);
    expect(describeLink(href, { protectedDomains: ['texto.example'] }).warnings).toEqual([
      { kind: 'punycode', unicode: 'téxto.example' },
      { kind: 'lookalike', imitates: 'texto.example' },
    ]);
  });

  it('opens the address it checked: the href is the parsed URL', () => {
    expect(describeLink('HTTPS://Example.FR/A?b=1#c').href).toBe('https://example.fr/A?b=1#c');
    expect(describeLink('https:evil.example').href).toBe('https://evil.example/');
  });

  it('shows the numeric host the browser really contacts', () => {
    expect(describeLink('http://3232235521/').warnings).toEqual([{ kind: 'ip_address', host: '192.168.0.1' }]);
  });

  it('keeps a mailto with several recipients checked recipient by recipient', () => {
    const view = describeLink('mailto:a@x.example,b@аpple.com');
    expect(view.text).toBe('mailto:a@x.example,b@xn--pple-43d.com');
    expect(view.warnings.map((warning) => warning.kind)).toEqual(['punycode', 'mixed_script']);
  });
});

describe('describeHost', () => {
  it('shows a Cyrillic look-alike label in Unicode under a Cyrillic TLD', () => {
    expect(describeHost('xn--80ak6aa92e.xn--p1ai').text).toBe('аррӏе.рф');
    expect(describeHost('xn--80ak6aa92e.com').text).toBe('xn--80ak6aa92e.com');
  });
});

describe('describeEmail', () => {
  it('reads an IDN address as written and sends to its ASCII form', () => {
    expect(describeEmail('jean@exämple.fr')).toMatchObject({ valid: true, text: 'jean@exämple.fr', address: 'jean@xn--exmple-cua.fr', warnings: [] });
  });

  it('shows a look-alike domain in punycode', () => {
    const email = describeEmail('support@аpple.com');
    expect(email.text).toBe('support@xn--pple-43d.com');
    expect(email.warnings[0]).toEqual({ kind: 'punycode', unicode: 'аpple.com' });
  });

  it('refuses what is not an address', () => {
    expect(describeEmail('no-at-sign').valid).toBe(false);
    expect(describeEmail('a@exa mple.fr').valid).toBe(false);
    expect(describeEmail('@x.fr').valid).toBe(false);
  });

  it('makes bidi controls in the local part visible', () => {
    const email = describeEmail('gpj\u202E@x.fr');
    expect(email.text).toBe('gpj⟪U+202E⟫@x.fr');
    expect(email.warnings).toContainEqual({ kind: 'bidi_control' });
  });
});

describe('bidi and invisible characters', () => {
  it('reveals every format character in link text', () => {
    expect(revealInvisible('a\u202Eb\u2066c\u200Fd\u061Ce\u200Bf\uFEFF')).toBe('a⟪U+202E⟫b⟪U+2066⟫c⟪U+200F⟫d⟪U+061C⟫e⟪U+200B⟫f⟪U+FEFF⟫');
  });

  it('reveals only overrides in plain text, keeping the marks RTL writing needs', () => {
    expect(revealOverrides('שלום\u200F abc \u202Edef\u202C')).toBe('שלום\u200F abc ⟪U+202E⟫def\u202C');
  });
});

describe('readableComponent', () => {
  it('decodes letters and keeps ASCII escapes, symbols and invalid UTF-8 encoded', () => {
    expect(readableComponent('/caf%C3%A9%20%2F%E2%88%95%FF')).toBe('/café%20%2F%E2%88%95%FF');
  });

  it('shows a combining mark on a letter, never on punctuation', () => {
    expect(readableComponent('/cafe%CC%81/%CC%B8x')).toBe('/cafe\u0301/%CC%B8x');
  });

  it('keeps the case of the escapes it does not decode', () => {
    expect(readableComponent('/a%2fb')).toBe('/a%2fb');
  });
});
