import { afterEach, beforeEach } from 'vitest';
import { MediaStore } from '../../../server/media/store';
import { tempDataDir } from '../../fixtures/media/load';

/**
 * Registers beforeEach/afterEach: each test gets a MediaStore over a fresh data folder, removed
 * after the test. Read the getters inside tests.
 */
export function useMediaStore(): { readonly store: MediaStore; readonly data: { readonly dir: string } } {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  let store: MediaStore | undefined;
  beforeEach(async () => {
    data = await tempDataDir();
    store = new MediaStore(data.dir);
  });
  afterEach(() => data?.remove());
  const ready = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the media store exists only inside a test');
    return part;
  };
  return {
    get store() {
      return ready(store);
    },
    get data() {
      return ready(data);
    },
  };
}
