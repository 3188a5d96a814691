import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ServerContext } from '../context';
import { serveMedia, type MediaGrant } from '../media';
import { MEDIA_PATH_PREFIX } from '../media/signed-url';
import { sendError } from './respond';

/** May this agent still see this file: the interaction is theirs now and the file is part of it. */
export async function agentMaySeeMedia(ctx: ServerContext, grant: Pick<MediaGrant, 'agentId' | 'interactionId' | 'hash'>): Promise<boolean> {
  // Through the entry, not transcript_media.interaction_id: a merge moves entries (and so their
  // images) into the interaction kept.
  const rows = await ctx.db.query(
    `SELECT 1 FROM interactions i
     JOIN transcript_entries e ON e.interaction_id = i.id
     JOIN transcript_media m ON m.entry_id = e.id
     WHERE i.id = $1 AND i.agent_id = $2 AND m.media_id = $3 LIMIT 1`,
    [grant.interactionId, grant.agentId, grant.hash],
  );
  return rows.length > 0;
}

function mayDownload(ctx: ServerContext, agentId: string | null): boolean {
  const agent = ctx.config.agents.find((a) => (a.id ?? a.username) === agentId);
  return agent?.permissions.includes('media.save') ?? false;
}

function handleMedia(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  // `download=1` is not part of the signature (the same link opens or saves): whether this agent
  // may save is decided here, on every request. The agent named in the link is checked against
  // the signature by serveMedia right after, so naming another agent gains nothing.
  if (url.searchParams.get('download') === '1' && !mayDownload(ctx, url.searchParams.get('agent'))) {
    sendError(res, 'forbidden', 'You may view this picture but not save it: saving needs the media.save permission.');
    return Promise.resolve();
  }
  return serveMedia(req, res, {
    store: ctx.media.store,
    secret: ctx.media.secret,
    mayView: (grant) => agentMaySeeMedia(ctx, grant),
    onError: (error) => ctx.log(`media: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
}

/**
 * `GET /media/<id>/<thumb|full>?…signed…`: the MMS images, for the agent the link was signed for
 * while the interaction is theirs. Every other path goes to the JSON routes.
 */
export function withMediaRoute(ctx: ServerContext, next: RequestListener): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(MEDIA_PATH_PREFIX)) return next(req, res);
    handleMedia(ctx, req, res, url).catch((error: unknown) => {
      ctx.log(`media: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, 'internal', 'The server could not answer for this picture (the error was logged).');
    });
  };
}
