import { HttpError } from './respond';
import type { Route } from './router';

/**
 * How many inbound gateway requests run at once. Past the bound a request is answered at once
 * with 503 and `Retry-After` — carriers retry — instead of queueing until every answer takes
 * seconds (and the carrier times out and sends the text again anyway).
 */
export class InboundCapacity {
  private inFlight = 0;

  constructor(private readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.max) {
      throw new HttpError('unavailable', `The server is handling ${this.max} inbound messages already; retry in a second.`, 503, { 'Retry-After': '1' });
    }
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** The routes with their POST (a carrier's inbound text) run under `capacity`. */
export function underCapacity(routes: Route[], inboundPaths: readonly string[], capacity: InboundCapacity): Route[] {
  return routes.map((route) => {
    const post = route.POST;
    if (!post || !inboundPaths.includes(route.path)) return route;
    return { ...route, POST: (req, res, url) => capacity.run(async () => post(req, res, url)) };
  });
}
