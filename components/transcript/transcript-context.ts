import { createContext } from 'preact';
import type { Interaction } from '@/lib/protocol';

export type MediaVariant = 'thumb' | 'full' | 'save';

/**
 * What a transcript needs from the panel beyond its interaction: the agent's language and
 * permissions, click-to-dial / click-to-email, and the signed links of MMS images. Given once by
 * the work area, so the views between it and the transcript need not pass each along.
 */
export interface TranscriptServices {
  locale: string;
  /** The agent has `media.save`: Save is offered (the server checks it again). */
  canSave: boolean;
  dial(interaction: Interaction, e164: string): void;
  email(interaction: Interaction, address: string): void;
  /** Why the last call or email of this interaction could not start or be recorded. */
  contactError(interactionId: string): string | undefined;
  mediaUrl(interactionId: string, mediaId: string, variant: MediaVariant): string | undefined;
  /** Keeps the interaction's image links fresh while it is shown; returns the release. */
  watchMedia(interactionId: string): () => void;
  /** New images arrived: links for them are needed. */
  mediaChanged(interactionId: string): void;
  /** An image did not load: fetch fresh links. */
  mediaFailed(interactionId: string): void;
  /** Resend a reply that was not delivered. */
  resend(interactionId: string, entryId: string): void;
}

const inert: TranscriptServices = {
  locale: 'en',
  canSave: false,
  dial: () => undefined,
  email: () => undefined,
  contactError: () => undefined,
  mediaUrl: () => undefined,
  watchMedia: () => () => undefined,
  mediaChanged: () => undefined,
  mediaFailed: () => undefined,
  resend: () => undefined,
};

export const TranscriptContext = createContext<TranscriptServices>(inert);
