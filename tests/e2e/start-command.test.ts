import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/browser';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs `npm start`'s script (without rebuilding: the e2e build stays in .output) and waits for its URL. */
function start(dataDir: string): Promise<Started> {
  const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, TEXTO_NO_BROWSER: '', DISPLAY: '', WAYLAND_DISPLAY: '' };
  // Node with tsx's loader, not the tsx CLI: the CLI relays Ctrl+C to its child and kills it (exit
  // 130) when the child does not acknowledge within 30 ms, which a loaded CI machine can miss.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
    const check = () => {
      const match = /Server:\s+(http:\/\/\S+)/.exec(output);
      if (match && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function interrupt({ child }: Started): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function signInWorks(url: string): Promise<boolean> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'alice', password: 'texto-demo' }),
  });
  return response.status === 200;
}

/** A customer texts; nobody is Ready, so the interaction waits (stored) for an agent. */
async function customerTexts(url: string): Promise<string> {
  const response = await fetch(`${url}/api/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: '+33612340077', to: '+33937000001', text: 'Vous êtes là ?' }),
  });
  return ((await response.json()) as { interactionId: string }).interactionId;
}

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'texto-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the URLs and how to load the extension, serves the simulator, stops on Ctrl+C and starts again on the same data', async () => {
    const first = await start(dataDir);
    expect(first.output()).toContain(`Phone simulator: ${first.url}/simulator`);
    expect(first.output()).toContain('Load unpacked');
    expect(first.output()).toContain('.output/chrome-mv3');
    expect(first.output()).toContain('about:debugging');
    expect((await fetch(`${first.url}/simulator`)).status).toBe(200);
    expect(await signInWorks(first.url)).toBe(true);
    const waiting = await customerTexts(first.url);
    expect(await interrupt(first)).toBe(0);
    expect(first.output()).toContain('Stopped');

    const second = await start(dataDir);
    expect(await signInWorks(second.url)).toBe(true);
    // The same customer's next text continues the interaction stored by the first run.
    expect(await customerTexts(second.url)).toBe(waiting);
    expect(await interrupt(second)).toBe(0);
  });
});
