import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Route } from './router';

const POLICY = fileURLToPath(new URL('../../docs/privacy.md', import.meta.url));

/** The privacy policy the store listings point to (docs/privacy.md, English and French), as plain text. */
export function privacyRoute(): Route {
  const body = readFileSync(POLICY);
  return {
    path: '/privacy',
    GET(_req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'max-age=3600',
        'X-Content-Type-Options': 'nosniff',
        'Content-Language': 'en, fr',
      });
      res.end(body);
    },
  };
}
