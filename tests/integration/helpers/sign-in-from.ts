import { request } from 'node:http';

/** A sign-in's answer as the client sees it. */
export interface SignInAnswer {
  status: number;
  retryAfter: string | undefined;
  message: string;
}

/** POSTs a sign-in from `localAddress` (any of 127.0.0.0/8 is this machine on Linux). */
export function signInFrom(localAddress: string, url: string, username: string, password: string): Promise<SignInAnswer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password });
    const req = request(`${url}/api/auth/sign-in`, { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const parsed = JSON.parse(text) as { error?: { message: string } };
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], message: parsed.error?.message ?? '' });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
