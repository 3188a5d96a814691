// All SQL goes through this small interface so that real PostgreSQL (DATABASE_URL, e.g. with
// node-postgres) can replace the embedded PGlite with the same SQL and migrations. Rules for the
// SQL written against it: standard PostgreSQL only; `$n` parameters; jsonb values are passed as
// JSON text with an explicit `::jsonb` cast; bigint results are read through `Number()` because
// other drivers return them as strings.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<R = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Serialises a value for a `$n::jsonb` parameter. */
export const json = (value: unknown): string => JSON.stringify(value);
