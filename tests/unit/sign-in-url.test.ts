import { describe, expect, it } from 'vitest';
import { parseServerUrl, webSocketUrl } from '../../lib/connection/urls';

describe('server address typed at sign-in', () => {
  it('keeps the origin of an http(s) address', () => {
    expect(parseServerUrl(' http://127.0.0.1:8787 ')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(parseServerUrl('https://texto.example.com/')).toEqual({ ok: true, origin: 'https://texto.example.com' });
  });

  it('completes an address typed without http:// or https://: http for this computer and the local network, https for a domain name', () => {
    expect(parseServerUrl('localhost:8080')).toEqual({ ok: true, origin: 'http://localhost:8080' });
    expect(parseServerUrl('127.0.0.1:8787/')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(parseServerUrl('[::1]:8787')).toEqual({ ok: true, origin: 'http://[::1]:8787' });
    expect(parseServerUrl('192.168.1.20:8787')).toEqual({ ok: true, origin: 'http://192.168.1.20:8787' });
    expect(parseServerUrl('10.0.0.5')).toEqual({ ok: true, origin: 'http://10.0.0.5' });
    expect(parseServerUrl('172.20.0.5:8787')).toEqual({ ok: true, origin: 'http://172.20.0.5:8787' });
    expect(parseServerUrl('texto-server:8787')).toEqual({ ok: true, origin: 'http://texto-server:8787' });
    expect(parseServerUrl('texto.example.com')).toEqual({ ok: true, origin: 'https://texto.example.com' });
    expect(parseServerUrl('172.40.0.5:8787')).toEqual({ ok: true, origin: 'https://172.40.0.5:8787' });
    expect(parseServerUrl('HTTP://LOCALHOST:8787')).toEqual({ ok: true, origin: 'http://localhost:8787' });
  });

  it.each([
    '',
    '   ',
    'mailto:admin@example.com',
    'localhost:8787/panel',
    'ws://127.0.0.1:8787',
    'http://',
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
