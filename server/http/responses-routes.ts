import type { ServerContext } from '../context';
import { responseLibrary } from '../responses/library';
import { requireAgent } from './bearer';
import { sendJson } from './respond';
import type { Route } from './router';

/** `GET /api/responses`: the standard responses library, for a signed-in agent's background. */
export function responsesRoutes(ctx: ServerContext): Route[] {
  return [
    {
      path: '/api/responses',
      cors: true,
      async GET(req, res) {
        await requireAgent(ctx, req);
        sendJson(res, 200, responseLibrary(ctx.config));
      },
    },
  ];
}
