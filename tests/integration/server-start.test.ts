import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../server/config';
import { eventually } from './helpers/server';

const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run server', () => {
  it('says which configuration it loaded, its agents and the address for the panel, and reloads on SIGHUP', async () => {
    dir = mkdtempSync(join(tmpdir(), 'texto-start-'));
    const file = join(dir, 'centre.yaml');
    // Bob renamed to Robert with another username: the banner lists what the file defines.
    writeFileSync(file, demo.replace('username: bob\n    name: Bob Durand', 'username: robert\n    name: Robert Durand'));
    // Node itself, not the tsx launcher: tsx does not pass SIGHUP on to the process it starts.
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, CONFIG: file, PORT: '0', DATA_DIR: 'memory://' } });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await eventually(() => out.includes('Agents (2)') && out.includes('robert'), 'the start banner', 90_000);
    expect(out).toContain(`Configuration:   ${file}`);
    expect(out).toContain(`kill -HUP ${child.pid}`);
    expect(out).toMatch(/Server: +http:\/\/127\.0\.0\.1:\d+ +← type this in the side panel's "Server" field/);
    expect(out).toMatch(/alice +Alice Martin +\(password texto-demo, demo only\)/);
    expect(out).toMatch(/robert +Robert Durand/);
    expect(out).not.toContain('bob');

    writeFileSync(file, demo.replace('capacity: 3', 'capacity: -1'));
    child.kill('SIGHUP');
    await eventually(() => out.includes('(SIGHUP) refused'), 'the SIGHUP reload to refuse the file', 15_000);
    expect(out).toMatch(/agents, 1st entry \(alice\): capacity must be at least 1, got -1/);
    expect(child.exitCode).toBeNull();
  }, 150_000);
});
