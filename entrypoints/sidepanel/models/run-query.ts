import type { PanelErrorCode } from '@/lib/messaging/panel-port';
import type { Query, QueryResultOf } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { describeFailure } from './run-command';

export type QueryOutcome<N extends Query['query']> =
  | { ok: true; result: QueryResultOf<N> }
  | { ok: false; code: PanelErrorCode; message: string };

/** Asks the server (through the background) for a read; fails at once with `network` when offline. */
export async function runQuery<Q extends Query>(link: BackgroundLink, query: Q): Promise<QueryOutcome<Q['query']>> {
  const reply = await link.request({ type: 'query', query });
  if (!reply.ok) return { ok: false, code: reply.code, message: describeFailure(reply) };
  return { ok: true, result: reply.result as QueryResultOf<Q['query']> };
}
