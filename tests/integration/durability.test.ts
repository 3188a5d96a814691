import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db';
import { diskSyncCount } from '../../server/db/durable-nodefs';
import { freshPhone, textCentre } from './helpers/simulator';
import { PAGE_NUMBER, startTestServer, tempDataDir } from './helpers/server';

describe('the embedded database on disk', () => {
  it('runs with fsync on and forces each accepted customer text to disk before answering 202', async () => {
    const dir = tempDataDir();
    let db: Db | undefined;
    const server = await startTestServer({ dataDir: dir.path, onDatabase: (handle) => void (db = handle) });
    try {
      expect(await db!.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
      const before = diskSyncCount();
      for (let i = 0; i < 3; i++) await textCentre(server.url, freshPhone(), PAGE_NUMBER, `text ${i}`);
      expect(diskSyncCount() - before).toBeGreaterThanOrEqual(3);
    } finally {
      await server.close();
      dir.remove();
    }
  });
});
