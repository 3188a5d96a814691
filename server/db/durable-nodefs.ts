import { fdatasyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type EmscriptenOptions = Parameters<NodeFS['init']>[1];
interface NodeFsModule {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => number } };
}

let syncs = 0;
/** How many times the database forced its files to disk in this process (tests and the bench read it). */
export const diskSyncCount = (): number => syncs;

/**
 * PGlite's Node filesystem with a working fsync. PGlite starts PostgreSQL with `-F` (fsync off),
 * and Emscripten's NODEFS has no `fsync` in its stream operations, so even with fsync on a commit
 * only reached the OS cache: it survived a process kill, not a power cut. This mount forwards
 * PostgreSQL's fsync (WAL at each commit, data files at checkpoints) to `fdatasync(2)`.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: EmscriptenOptions): Promise<{ emscriptenOpts: EmscriptenOptions }> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const preRun = [
      ...((emscriptenOpts.preRun as ((mod: unknown) => void)[] | undefined) ?? []),
      (mod: unknown) => {
        (mod as NodeFsModule).NODEFS.stream_ops.fsync = (stream) => {
          try {
            fdatasyncSync(stream.nfd);
            syncs += 1;
          } catch (error) {
            // A directory opened read-only cannot be synced on every platform; its entries are.
            if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EBADF') throw error;
          }
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  }
}
