import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../server/config';

const dir = mkdtempSync(join(tmpdir(), 'texto-check-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkConfig(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', ['server/cli/check-config.ts', file]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run check-config', () => {
  it('says OK and summarises agents, queues and numbers with their modes and gateways', async () => {
    const { code, stdout } = await checkConfig(DEMO_CONFIG_PATH);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: .*demo\.yaml\n/);
    expect(stdout).toContain('Agents (2):');
    expect(stdout).toMatch(/alice +Alice Martin — capacity 3, queues general, claims/);
    expect(stdout).toMatch(/claims +2 agents, numbers \+33937000003/);
    expect(stdout).toMatch(/\+33937000002 +session +queue general, gateway simulator/);
    expect(stdout.split('\n').length).toBeLessThan(25);
  });

  it('prints every problem with its line and exits 1, starting nothing', async () => {
    const file = join(dir, 'broken.yaml');
    const text = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('capacity: 3', 'capacity: three').replace('mode: session', 'mode: sesion');
    writeFileSync(file, text);
    const { code, stdout, stderr } = await checkConfig(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(stderr).toContain('broken.yaml: 2 problems');
    expect(stderr).toContain(`line ${line('capacity: three')}: agents, 1st entry (alice): capacity must be a number, got "three"`);
    expect(stderr).toContain(`line ${line('mode: sesion')}: numbers, 2nd entry (+33937000002): mode must be one of page, session, got "sesion"`);
  });
});
