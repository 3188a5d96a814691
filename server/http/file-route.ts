import { readFileSync } from 'node:fs';
import type { Route } from './router';

/** A GET route answering one file, read once at start, with its type and the caller's headers. */
export function fileRoute(path: string, file: string, type: string, headers: Record<string, string>): Route {
  const body = readFileSync(file);
  return {
    path,
    GET(_req, res) {
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(body);
    },
  };
}
