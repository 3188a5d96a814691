import { browser } from 'wxt/browser';

/**
 * The host permission for a server origin: its scheme and host, any port (match patterns carry
 * no port). `http://127.0.0.1:8787` → `http://127.0.0.1/*`.
 */
export function serverPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Asks the browser for the host permission on the server the agent signs in to: the server sends
 * no CORS to the extension, so without it every request fails. The browser asks the agent once
 * (and answers at once when it is granted already). Must be called while the click or Enter that
 * submitted the form is being handled: Firefox refuses the request after an await.
 */
export function requestServerAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [serverPattern(origin)] }).catch(() => false);
}
