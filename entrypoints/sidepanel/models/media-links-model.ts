import { signal } from '@preact/signals';
import type { BackgroundLink } from '../background-link';
import { runCommandForResult } from './run-command';

export type MediaVariant = 'thumb' | 'full' | 'save';

interface InteractionLinks {
  /** Server time after which the links answer 410. */
  expiresAt: number;
  links: Record<string, Partial<Record<MediaVariant, string>>>;
}

/** Ask again this long before the links expire, so an image opened at the last second still loads. */
const REFRESH_BEFORE_MS = 60_000;
/** After a failed request or a broken image, wait at least this long before asking again. */
const RETRY_AFTER_MS = 5_000;

function parseLinks(result: Record<string, unknown>): InteractionLinks | null {
  const { expiresAt, links } = result;
  if (typeof expiresAt !== 'number' || typeof links !== 'object' || links === null) return null;
  const clean: InteractionLinks['links'] = {};
  for (const [id, value] of Object.entries(links as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const entry: Partial<Record<MediaVariant, string>> = {};
    for (const variant of ['thumb', 'full', 'save'] as const) {
      const path = (value as Record<string, unknown>)[variant];
      // Paths on our server only: never a full URL, whoever wrote it.
      if (typeof path === 'string' && path.startsWith('/media/')) entry[variant] = path;
    }
    clean[id] = entry;
  }
  return { expiresAt, links: clean };
}

/**
 * Signed links to the MMS images of the interactions on screen. The server signs them per agent
 * and per request (`mediaLinks`) and they live five minutes: this model asks when an interaction
 * with images is shown, asks again a minute before they expire while it stays shown, and when an
 * image fails to load (an expired link after the computer slept, a server restart).
 */
export function createMediaLinksModel(link: BackgroundLink, server: () => string | undefined, serverNow: () => number) {
  const byInteraction = signal<ReadonlyMap<string, InteractionLinks>>(new Map());
  const watchers = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastAsked = new Map<string, number>();
  const inFlight = new Set<string>();

  const schedule = (interactionId: string, delay: number) => {
    clearTimeout(timers.get(interactionId));
    timers.set(interactionId, setTimeout(() => void refresh(interactionId), Math.max(delay, RETRY_AFTER_MS)));
  };

  async function refresh(interactionId: string): Promise<void> {
    if (inFlight.has(interactionId) || !watchers.has(interactionId)) return;
    inFlight.add(interactionId);
    lastAsked.set(interactionId, Date.now());
    const outcome = await runCommandForResult(link, { name: 'mediaLinks', interactionId });
    inFlight.delete(interactionId);
    if (!watchers.has(interactionId)) return;
    const links = outcome.ok ? parseLinks(outcome.result ?? {}) : null;
    if (!links) {
      schedule(interactionId, RETRY_AFTER_MS * 2);
      return;
    }
    const next = new Map(byInteraction.value);
    next.set(interactionId, links);
    byInteraction.value = next;
    schedule(interactionId, links.expiresAt - serverNow() - REFRESH_BEFORE_MS);
  }

  return {
    byInteraction,
    /** The full URL of one image variant, or undefined while its link is being fetched. */
    urlOf(interactionId: string, mediaId: string, variant: MediaVariant): string | undefined {
      const path = byInteraction.value.get(interactionId)?.links[mediaId]?.[variant];
      const base = server();
      return path && base ? new URL(path, base).toString() : undefined;
    },
    /** An interaction with images is on screen: keep its links fresh until the returned release. */
    watch(interactionId: string): () => void {
      watchers.set(interactionId, (watchers.get(interactionId) ?? 0) + 1);
      if (watchers.get(interactionId) === 1) void refresh(interactionId);
      return () => {
        const left = (watchers.get(interactionId) ?? 1) - 1;
        if (left > 0) return void watchers.set(interactionId, left);
        watchers.delete(interactionId);
        clearTimeout(timers.get(interactionId));
        timers.delete(interactionId);
      };
    },
    /** An image did not load (expired or revoked link): ask for fresh links, not too often. */
    failed(interactionId: string) {
      if (Date.now() - (lastAsked.get(interactionId) ?? 0) < RETRY_AFTER_MS) return;
      void refresh(interactionId);
    },
    /** New images arrived in an interaction already shown. */
    update(interactionId: string) {
      if (watchers.has(interactionId)) void refresh(interactionId);
    },
  };
}

export type MediaLinksModel = ReturnType<typeof createMediaLinksModel>;
