import { findLinks } from './links';
import { findPhones } from './phones';
import type { DetectOptions, Entity } from './types';

export type { DetectOptions, Entity, EmailEntity, PhoneEntity, UrlEntity, CountryCode } from './types';

/**
 * The URLs, email addresses and phone numbers of one message, as ordered, non-overlapping spans.
 * Where a phone number lies inside an address (`https://x.fr/0612345678`), the address wins.
 * Pure and deterministic: run it once per message (see `cache.ts`), never per render.
 */
export function detectEntities(text: string, options: DetectOptions): Entity[] {
  const links = findLinks(text);
  const phones = findPhones(text, options.region).filter(
    (phone) => !links.some((link) => phone.start < link.end && link.start < phone.end),
  );
  if (phones.length === 0) return links;
  return [...links, ...phones].sort((a, b) => a.start - b.start);
}
