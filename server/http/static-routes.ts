import { fileURLToPath } from 'node:url';
import { fileRoute } from './file-route';
import type { Route } from './router';

const DIR = fileURLToPath(new URL('../simulator/', import.meta.url));

const FILES = [
  { path: '/simulator', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/simulator/phone.js', file: 'phone.js', type: 'text/javascript; charset=utf-8' },
  { path: '/simulator/phone.css', file: 'phone.css', type: 'text/css; charset=utf-8' },
];

/** The simulator page: static files, read once, served with a strict CSP (no inline script). */
export function staticRoutes(): Route[] {
  const pages: Route[] = FILES.map(({ path, file, type }) =>
    fileRoute(path, DIR + file, type, {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
    }),
  );
  const home: Route = {
    path: '/',
    GET(_req, res) {
      res.writeHead(302, { Location: '/simulator' });
      res.end();
    },
  };
  // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
  const favicon: Route = {
    path: '/favicon.ico',
    GET(_req, res) {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      res.end();
    },
  };
  return [...pages, home, favicon];
}
