import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db';

/** Opens the embedded database: a directory path, or `memory://` for a throw-away one (tests). */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
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
