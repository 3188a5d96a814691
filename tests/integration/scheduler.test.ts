import { afterEach, describe, expect, it } from 'vitest';
import type { ServerContext } from '../../server/context';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import type { Work } from '../../server/domain/work';
import { Scheduler } from '../../server/timers/scheduler';
import { keepBlankCluster } from './helpers/pglite-cache';

// The scheduler on a real database, without the rest of the server: each firing runs in a real
// transaction, as runWork would run it.

let db: Db | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.close();
  await db?.close();
  db = scheduler = undefined;
});

async function setUp(retryAfterFailureMs = 5000) {
  db = await openPglite('memory://');
  await keepBlankCluster();
  await migrate(db);
  await db.exec('CREATE TABLE fired (kind text, key text, at bigint)');
  const logs: string[] = [];
  scheduler = new Scheduler(db, (line) => logs.push(line), retryAfterFailureMs);
  const database = db;
  const inWork = (body: (work: Work) => Promise<void>) =>
    database.transaction((tx) =>
      body({ tx, ctx: undefined as unknown as ServerContext, now: Date.now(), agentsWithNewEvents: new Set(), deadlinesChanged: false, outboundQueued: false }),
    );
  const schedule = async (kind: string, key: string, dueAt: number) => {
    await inWork((work) => Scheduler.schedule(work, kind, key, dueAt));
    scheduler!.rearm();
  };
  const fired = async () => (await database.query<{ kind: string; key: string; at: unknown }>('SELECT * FROM fired ORDER BY at')).map((r) => ({ ...r, at: Number(r.at) }));
  return { db: database, scheduler, logs, inWork, schedule, fired };
}

const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('deadline scheduler', () => {
  it('fires each deadline once, at its time, in due order, and forgets it', async () => {
    const { db, scheduler, inWork, schedule, fired } = await setUp();
    scheduler.registerDeadlineKind('test.ring', (work, key) =>
      work.tx.query('INSERT INTO fired VALUES ($1, $2, $3)', ['test.ring', key, Date.now()]).then(() => undefined),
    );
    scheduler.start(inWork);
    const start = Date.now();
    await schedule('test.ring', 'late', start + 400);
    await schedule('test.ring', 'early', start + 150);
    await until(async () => (await fired()).length === 2);
    const rings = await fired();
    expect(rings.map((r) => r.key)).toEqual(['early', 'late']);
    expect(rings[0]!.at).toBeGreaterThanOrEqual(start + 150);
    expect(rings[1]!.at).toBeGreaterThanOrEqual(start + 400);
    expect(await db.query('SELECT * FROM deadlines WHERE kind = $1', ['test.ring'])).toEqual([]);
  });

  it('fires a moved deadline at its new time only', async () => {
    const { scheduler, inWork, schedule, fired } = await setUp();
    scheduler.registerDeadlineKind('test.ring', (work, key) =>
      work.tx.query('INSERT INTO fired VALUES ($1, $2, $3)', ['test.ring', key, Date.now()]).then(() => undefined),
    );
    scheduler.start(inWork);
    const start = Date.now();
    await schedule('test.ring', 'moved', start + 150);
    await schedule('test.ring', 'moved', start + 500);
    await until(async () => (await fired()).length === 1);
    expect((await fired())[0]!.at).toBeGreaterThanOrEqual(start + 500);
  });

  it('fires overdue deadlines at start, and retries a failing handler with its effects rolled back', async () => {
    const { scheduler, inWork, fired, logs } = await setUp(200);
    let attempts = 0;
    scheduler.registerDeadlineKind('test.flaky', async (work, key) => {
      attempts += 1;
      await work.tx.query('INSERT INTO fired VALUES ($1, $2, $3)', ['test.flaky', `${key}#${attempts}`, Date.now()]);
      if (attempts === 1) throw new Error('the gateway timed out');
    });
    // Stored while "the server was down", already overdue.
    await inWork((work) => Scheduler.schedule(work, 'test.flaky', 'outbox', Date.now() - 1000));
    scheduler.start(inWork);
    await until(async () => (await fired()).length === 1);
    expect(attempts).toBe(2);
    expect((await fired()).map((r) => r.key)).toEqual(['outbox#2']);
    expect(logs.join('\n')).toContain('test.flaky outbox failed, retrying in 0.2 s: Error: the gateway timed out');
  });
});
