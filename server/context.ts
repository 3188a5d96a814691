import type { TextoConfig } from './config';
import type { Db } from './db/db';
import type { MediaFiles } from './domain/media-files';
import type { OutboundDispatcher } from './gateways/outbound';
import type { Presence } from './routing/presence';
import type { Scheduler } from './timers/scheduler';
import type { ConnectionHub } from './ws/hub';

/** The running server's parts, handed to every operation (built once in `app.ts`). */
export interface ServerContext {
  readonly db: Db;
  /** The running configuration; a reload (`config/reload.ts`) replaces it, so read it at use time. */
  config: TextoConfig;
  readonly log: (line: string) => void;
  readonly presence: Presence;
  readonly hub: ConnectionHub;
  readonly scheduler: Scheduler;
  readonly outbound: OutboundDispatcher;
  /** MMS images: store, limits, link signing key. */
  readonly media: MediaFiles;
}
