import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/browser';

// The store packages as `npm run zip` makes them, and the AMO reviewer's rebuild from the sources
// zip (docs/build-for-amo.md). In the e2e project because it builds twice and runs `npm ci`: one
// heavy file at a time. Its builds go to a temporary folder, never over the e2e build in .output.

const work = mkdtempSync(path.join(tmpdir(), 'texto-packages-'));
const out = path.join(work, 'out');
const sources = path.join(work, 'sources');
const unpacked = path.join(work, 'firefox');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of a shell, without what vitest and npm set for this test run (NODE_ENV=test changes the build). */
const shell = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|npm_|TEXTO_|WXT_)/.test(name)),
);

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync(command, args, { cwd, env: { ...shell, ...env }, encoding: 'utf8', stdio: 'pipe' });
}

/** Every file under `dir`, as paths relative to it, sorted. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesOf(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    })
    .sort();
}

function zipEntries(zip: string): string[] {
  return run('unzip', ['-Z1', zip], work).split('\n').filter((line) => line && !line.endsWith('/'));
}

beforeAll(() => {
  run('npx', ['wxt', 'zip'], ROOT, { TEXTO_OUTPUT_DIR: out });
  run('npx', ['wxt', 'zip', '-b', 'firefox'], ROOT, { TEXTO_OUTPUT_DIR: out });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('store packages', () => {
  it('makes the Chrome zip, the Firefox zip and the Firefox sources zip, and both packages lint clean', () => {
    const made = readdirSync(out).filter((name) => name.endsWith('.zip')).sort();
    expect(made).toEqual([`texto-${version}-chrome.zip`, `texto-${version}-firefox.zip`, `texto-${version}-sources.zip`]);
    run('unzip', ['-q', path.join(out, `texto-${version}-firefox.zip`), '-d', unpacked], work);
    expect(() =>
      run('npx', ['web-ext', 'lint', '--source-dir', unpacked, '--self-hosted', '--warnings-as-errors'], ROOT),
    ).not.toThrow();
    const chrome = run('unzip', ['-p', path.join(out, `texto-${version}-chrome.zip`), 'manifest.json'], work);
    expect((JSON.parse(chrome) as { permissions: string[] }).permissions.sort()).toEqual(
      ['contextMenus', 'notifications', 'sidePanel', 'storage'],
    );
  });

  it('declares in the Firefox manifest what goes to the organisation’s server', () => {
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } };
    };
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required.sort()).toEqual(
      ['authenticationInfo', 'personalCommunications', 'personallyIdentifyingInfo'],
    );
  });

  it('holds only the extension’s sources in the sources zip', () => {
    const entries = zipEntries(path.join(out, `texto-${version}-sources.zip`));
    expect(entries).toContain('package-lock.json');
    expect(entries).toContain('docs/build-for-amo.md');
    expect(entries.some((entry) => entry.startsWith('entrypoints/'))).toBe(true);
    const foreign = entries.filter((entry) =>
      /^(\.git|data|\.output|server|tests|bench)\//.test(entry) || /(^|\/)node_modules\//.test(entry),
    );
    expect(foreign).toEqual([]);
  });

  it('rebuilds the Firefox package byte for byte from a clean extraction with the documented commands', () => {
    run('unzip', ['-q', path.join(out, `texto-${version}-sources.zip`), '-d', sources], work);
    // The commands of docs/build-for-amo.md, in a shell with nothing of ours set.
    run('npm', ['ci', '--no-audit', '--no-fund'], sources);
    run('npm', ['run', 'build-for-amo'], sources);
    const rebuilt = path.join(sources, '.output', 'firefox-mv2');
    const files = filesOf(unpacked);
    expect(filesOf(rebuilt)).toEqual(files);
    const differing = files.filter(
      (file) => !readFileSync(path.join(rebuilt, file)).equals(readFileSync(path.join(unpacked, file))),
    );
    expect(differing).toEqual([]);
  }, 300_000);
});
