import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankClusterCopy, primeBlankCluster } from '../../../server/db/pglite';

/**
 * Each test file runs in its own process, where PGlite's first database would run initdb
 * (seconds). The empty cluster it makes is kept in a temp file, keyed by PGlite's version, so the
 * other files start their databases from a copy instead. Importing this module primes it.
 */
const PGLITE_VERSION = (JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string }).version;
const BLANK_CLUSTER_FILE = join(tmpdir(), `texto-test-pglite-${PGLITE_VERSION}-blank-cluster.tar`);
if (existsSync(BLANK_CLUSTER_FILE)) primeBlankCluster(new Blob([readFileSync(BLANK_CLUSTER_FILE)]));

/** Saves this process's empty-cluster copy for the next test files (once; atomic rename). */
export async function keepBlankCluster(): Promise<void> {
  const copy = blankClusterCopy();
  if (!copy || existsSync(BLANK_CLUSTER_FILE)) return;
  const partial = `${BLANK_CLUSTER_FILE}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await (await copy).arrayBuffer()));
  renameSync(partial, BLANK_CLUSTER_FILE);
}
