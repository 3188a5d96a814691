import { fileURLToPath } from 'node:url';
import { fileRoute } from './file-route';
import type { Route } from './router';

const POLICY = fileURLToPath(new URL('../../docs/privacy.md', import.meta.url));

/** The privacy policy the store listings point to (docs/privacy.md, English and French), as plain text. */
export function privacyRoute(): Route {
  return fileRoute('/privacy', POLICY, 'text/plain; charset=utf-8', { 'Cache-Control': 'max-age=3600', 'Content-Language': 'en, fr' });
}
