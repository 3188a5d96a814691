import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` when the configuration file changes. Watches its folder, not the file: editors
 * save by writing a new file and renaming it over the old one, which ends a watch on the file
 * itself. A burst of events (write, rename, chmod) makes one call, 300 ms after the last.
 */
export function watchConfigFile(path: string, onChange: () => void, log: (line: string) => void): { close(): void } {
  const name = basename(path);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, file) => {
      if (file !== null && file !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 300);
    });
    watcher.on('error', (error) => log(`configuration: cannot watch ${path}: ${error.message}`));
  } catch (error) {
    log(`configuration: cannot watch ${path} (reload with SIGHUP): ${(error as Error).message}`);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
