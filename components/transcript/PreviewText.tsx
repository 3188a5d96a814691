import { MessageText } from './MessageText';
import { entityCacheFor } from './entity-caches';

const inert = () => {};

/**
 * Customer text outside the live transcript (offer card, history, a colleague's transcript):
 * links, look-alike hosts and bidi overrides shown exactly as the transcript shows them, but inert.
 * `id` keys the entity cache (a message id, or another stable key for a preview).
 */
export function PreviewText({ id, text, region }: { id: string; text: string; region?: string | undefined }) {
  const entities = entityCacheFor(region).entitiesOf(id, text);
  return <MessageText text={text} entities={entities} onDial={inert} onEmail={inert} readOnly />;
}
