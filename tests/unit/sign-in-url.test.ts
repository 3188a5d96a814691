import { describe, expect, it } from 'vitest';
import { parseServerUrl, webSocketUrl } from '../../lib/connection/urls';

describe('server address typed at sign-in', () => {
  it('keeps the origin of an http(s) address', () => {
    expect(parseServerUrl(' http://127.0.0.1:8787 ')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(parseServerUrl('https://texto.example.com/')).toEqual({ ok: true, origin: 'https://texto.example.com' });
  });

  it.each([
    '',
    'texto.example.com',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://texto.example.com',
    'file:///etc/passwd',
    'https://bank.example@evil.example/',
    'https://texto.example.com/some/path',
    'https://texto.example.com/?next=evil',
  ])('refuses %j', (input) => {
    expect(parseServerUrl(input)).toEqual({ ok: false, problem: 'invalid_url' });
  });

  it('derives the WebSocket address: ws for http, wss for https', () => {
    expect(webSocketUrl('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787/ws');
    expect(webSocketUrl('https://texto.example.com')).toBe('wss://texto.example.com/ws');
  });
});
