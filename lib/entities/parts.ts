import { parseDigits } from 'libphonenumber-js/max';
import type { Entity } from './types';

/** A message cut into what is shown as plain text and what is shown as an entity. */
export type MessagePart = { kind: 'text'; text: string } | { kind: 'entity'; entity: Entity };

function mailtoAddress(raw: string): string | undefined {
  if (!/^mailto:/i.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw.slice('mailto:'.length).split('?')[0] ?? '');
  } catch {
    return undefined;
  }
}

/** Whether an entity's value is what its raw text says (detection's own normalisations only). */
function saysWhatItCovers(entity: Entity): boolean {
  switch (entity.kind) {
    case 'url':
      return entity.href === entity.raw || entity.href === `http://${entity.raw}`;
    case 'email':
      return entity.address === entity.raw || entity.address === mailtoAddress(entity.raw);
    case 'phone': {
      // The national digits the customer wrote end the E.164 value (`06 12…` → `+336 12…`).
      const written = parseDigits(entity.raw).replace(/^0+/, '');
      return written.length >= 6 && entity.e164.endsWith(written.slice(-9));
    }
  }
}

/**
 * Cuts `text` at its entities. Entities come from elsewhere (computed once, possibly stored), so
 * any that does not fit this text — out of range, overlapping, out of order, whose `raw` is not
 * the text it covers, or whose value is not what that text says — is ignored and its characters
 * stay plain text: a stale or forged entity list can never put a link on words it does not match.
 */
export function splitMessage(text: string, entities: readonly Entity[]): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const entity of entities) {
    const fits = entity.start >= at && entity.end > entity.start && entity.end <= text.length && text.slice(entity.start, entity.end) === entity.raw;
    if (!fits || !saysWhatItCovers(entity)) continue;
    if (entity.start > at) parts.push({ kind: 'text', text: text.slice(at, entity.start) });
    parts.push({ kind: 'entity', entity });
    at = entity.end;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
