import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db';
import { DurableNodeFS } from './durable-nodefs';

/**
 * PGlite's defaults minus `-F` (fsync off): a commit is on disk before it is acknowledged. The WAL
 * is synced with fsync(), which reaches `DurableNodeFS`; the Emscripten fdatasync() is a no-op.
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

export interface PgliteOptions {
  /** false: PGlite's own default (fsync off; faster, lost on a power cut) — for benchmarks only. */
  durable?: boolean;
}

/** Opens the embedded database: a directory path, or `memory://` for a throw-away one (tests). */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Db> {
  const pg = await createCluster(dataDir, options.durable ?? true);
  const wrap = (target: PGlite | Transaction): Queryable => ({
    async query<R = Row>(sql: string, params: unknown[] = []) {
      return (await target.query<R>(sql, params)).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    ...wrap(pg),
    // PGlite has one connection and queues transactions behind each other, so two transactions
    // never interleave here; the SQL still takes row locks where PostgreSQL would need them.
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}

/**
 * Creating a cluster (initdb) is most of PGlite's start-up time (1.5–3 s on this machine);
 * loading a copy of an empty one takes about 0.3 s. So the first throw-away database of a
 * process keeps a copy of its empty cluster, and later new databases (in memory or in an empty
 * directory) start from it — what lets every integration test have its own server.
 */
let blankCluster: Promise<Blob> | undefined;

/** Provides the empty-cluster copy from elsewhere (tests keep one in a file across processes). */
export function primeBlankCluster(copy: Blob): void {
  blankCluster ??= Promise.resolve(copy);
}

export function blankClusterCopy(): Promise<Blob> | undefined {
  return blankCluster;
}

async function createCluster(dataDir: string, durable: boolean): Promise<PGlite> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // In memory there is no disk to sync to.
  const storage = inMemory || !durable ? { dataDir } : { fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS };
  const isNew = inMemory || !existsSync(join(dataDir, 'PG_VERSION'));
  if (isNew && blankCluster) return PGlite.create({ ...storage, loadDataDir: await blankCluster });
  const pg = await PGlite.create(storage);
  // Only throw-away databases pay for the copy (~100 ms, 40 MB kept): a real server starts once.
  if (inMemory) {
    blankCluster ??= pg.dumpDataDir('none');
    await blankCluster;
  }
  return pg;
}
