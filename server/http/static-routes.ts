import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Route } from './router';

const DIR = fileURLToPath(new URL('../simulator/', import.meta.url));

const FILES = [
  { path: '/simulator', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/simulator/phone.js', file: 'phone.js', type: 'text/javascript; charset=utf-8' },
  { path: '/simulator/phone.css', file: 'phone.css', type: 'text/css; charset=utf-8' },
];

/** The simulator page: static files, read once, served with a strict CSP (no inline script). */
export function staticRoutes(): Route[] {
  const pages: Route[] = FILES.map(({ path, file, type }) => {
    const body = readFileSync(DIR + file);
    return {
      path,
      GET(_req, res) {
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
          'Referrer-Policy': 'no-referrer',
        });
        res.end(body);
      },
    };
  });
  const home: Route = {
    path: '/',
    GET(_req, res) {
      res.writeHead(302, { Location: '/simulator' });
      res.end();
    },
  };
  return [...pages, home];
}
