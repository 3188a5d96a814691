import { describe, expect, it } from 'vitest';
import { dialTarget, emailTarget, extensionTarget, parseDialerConfig, parseEmailConfig, TargetConfigError, TargetValueError } from '../../lib/dialer/targets';

describe('dialer configuration', () => {
  it('defaults to tel: and knows sip:, callto: and templates', () => {
    expect(parseDialerConfig(undefined)).toEqual({ kind: 'tel' });
    expect(parseDialerConfig('tel')).toEqual({ kind: 'tel' });
    expect(parseDialerConfig('sip')).toEqual({ kind: 'sip', domain: undefined });
    expect(parseDialerConfig('sip:PBX.example.com')).toEqual({ kind: 'sip', domain: 'pbx.example.com' });
    expect(parseDialerConfig('callto')).toEqual({ kind: 'callto' });
    expect(parseDialerConfig('https://crm.example/call?to={number}')).toEqual({ kind: 'template', template: 'https://crm.example/call?to={number}' });
  });

  it.each([
    ['javascript:alert({number})', /not supported/],
    ['data:text/html,{number}', /not supported/],
    ['ftp://crm.example/{number}', /http or https/],
    ['https://crm.example/call', /no placeholder/],
    ['https://crm.example/call?to={phone}', /unknown placeholder \{phone\}/],
    ['https://crm.example/call?to={number', /unbalanced brace/],
    ['https://{number}.crm.example/', /not in its host/],
    ['https://{e164}@crm.example/', /not in its host/],
    ['https://crm example/{number}', /not a URL/],
    ['sip:not a host', /not a host name/],
    ['skype', /not supported/],
  ])('rejects %s with a clear error', (setting, message) => {
    expect(() => parseDialerConfig(setting)).toThrow(TargetConfigError);
    expect(() => parseDialerConfig(setting)).toThrow(message);
  });

  it('rejects a setting that is not text', () => {
    expect(() => parseDialerConfig(42)).toThrow(/expected text/);
  });
});

describe('dialTarget', () => {
  it('builds tel:, sip: and callto: addresses from E.164', () => {
    expect(dialTarget({ kind: 'tel' }, '+33612345678', 'FR')).toBe('tel:+33612345678');
    expect(dialTarget({ kind: 'sip', domain: undefined }, '+33612345678', 'FR')).toBe('sip:+33612345678');
    expect(dialTarget({ kind: 'sip', domain: 'pbx.example.com' }, '+33612345678', 'FR')).toBe('sip:+33612345678@pbx.example.com;user=phone');
    expect(dialTarget({ kind: 'callto' }, '+33612345678', 'FR')).toBe('callto:+33612345678');
  });

  it('calls an extension as a local number of the region, never as a host and a port', () => {
    expect(extensionTarget({ kind: 'tel' }, '1002', 'FR')).toBe('tel:1002;phone-context=+33');
    expect(extensionTarget({ kind: 'tel' }, '*21#', 'CA')).toBe('tel:*21%23;phone-context=+1');
    expect(extensionTarget({ kind: 'callto' }, '1002', 'BE')).toBe('callto:1002;phone-context=+32');
    expect(extensionTarget({ kind: 'sip', domain: undefined }, '1002', 'FR')).toBe('tel:1002;phone-context=+33');
    expect(extensionTarget({ kind: 'sip', domain: 'pbx.example.com' }, '1002', 'FR')).toBe('sip:1002@pbx.example.com');
    expect(extensionTarget({ kind: 'template', template: 'https://pbx.example/call?ext={number}' }, '1002', 'FR')).toBe('https://pbx.example/call?ext=1002');
    for (const bad of ['', '10 02', '1002@evil', '1'.repeat(16), 'javascript:alert(1)']) {
      expect(() => extensionTarget({ kind: 'tel' }, bad, 'FR')).toThrow(TargetValueError);
    }
  });

  it('fills a template with encoded values: {number}, {e164}, {national}', () => {
    const config = parseDialerConfig('https://crm.example/call?to={number}&e={e164}&n={national}#{national}');
    expect(dialTarget(config, '+33612345678', 'FR')).toBe('https://crm.example/call?to=%2B33612345678&e=%2B33612345678&n=0612345678#0612345678');
  });

  it('gives {national} as dialled from the region, with the international prefix for foreign numbers', () => {
    const config = parseDialerConfig('https://crm.example/call/{national}');
    expect(dialTarget(config, '+14155552671', 'FR')).toBe('https://crm.example/call/0014155552671');
    expect(dialTarget(config, '+14155552671', 'US')).toBe('https://crm.example/call/4155552671');
  });

  it.each(['0612345678', '+33 6 12 34 56 78', '+33612345678&x=1', '', 'javascript:alert(1)'])('refuses %j, which is not E.164', (value) => {
    expect(() => dialTarget({ kind: 'tel' }, value, 'FR')).toThrow(TargetValueError);
  });
});

describe('email configuration and emailTarget', () => {
  it('defaults to mailto: and accepts a compose template', () => {
    expect(parseEmailConfig(undefined)).toEqual({ kind: 'mailto' });
    expect(parseEmailConfig('https://mail.example/compose?to={email}')).toEqual({ kind: 'template', template: 'https://mail.example/compose?to={email}' });
  });

  it.each([
    ['mailto:{email}', /not supported/],
    ['https://mail.example/compose?to={number}', /unknown placeholder/],
    ['javascript://mail.example/{email}', /http or https/],
  ])('rejects %s', (setting, message) => {
    expect(() => parseEmailConfig(setting)).toThrow(message);
  });

  it('writes to the ASCII form of an IDN domain and encodes the local part', () => {
    expect(emailTarget({ kind: 'mailto' }, 'jean@exämple.fr')).toBe('mailto:jean@xn--exmple-cua.fr');
    expect(emailTarget({ kind: 'mailto' }, 'a+b&c=d@x.fr')).toBe('mailto:a%2Bb%26c%3Dd@x.fr');
    expect(emailTarget(parseEmailConfig('https://mail.example/compose?to={email}'), 'a&cc=evil@x.fr')).toBe(
      'https://mail.example/compose?to=a%26cc%3Devil%40x.fr',
    );
  });

  it.each(['not an address', 'x?cc=a@evil.example@x.fr', '<a@x.fr>', 'a@', '@x.fr', 'a\u202E@x.fr'])('refuses %j', (value) => {
    expect(() => emailTarget({ kind: 'mailto' }, value)).toThrow(TargetValueError);
  });
});
