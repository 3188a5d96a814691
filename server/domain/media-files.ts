import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextoConfig } from '../config';
import { MediaStore, mediaLimits, newMediaSecret, type MediaLimits, type MediaSecret } from '../media';

/** The server's MMS files: where they are stored, the limits they are accepted under, the link key. */
export interface MediaFiles {
  readonly store: MediaStore;
  readonly limits: MediaLimits;
  readonly secret: MediaSecret;
  close(): Promise<void>;
}

/**
 * Media live beside the database (`<dataDir>/media`). A throw-away database (`memory://`, tests)
 * gets a throw-away folder, removed at close.
 */
export async function openMediaFiles(dataDir: string, config: TextoConfig['media']): Promise<MediaFiles> {
  const temporary = dataDir.startsWith('memory://') ? await mkdtemp(join(tmpdir(), 'texto-media-')) : null;
  const store = new MediaStore(temporary ?? dataDir);
  await store.sweepTemp();
  return {
    store,
    limits: mediaLimits({ maxBytes: config.maxBytes, maxFiles: config.maxFiles, maxPixels: config.maxPixels }),
    secret: config.urlSecret ?? newMediaSecret(),
    close: async () => {
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
