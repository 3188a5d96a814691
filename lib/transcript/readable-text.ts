import { findLinks } from '../entities/links';
import { splitMessage } from '../entities/parts';
import { revealInvisible, revealOverrides } from '../links/bidi';
import { describeLink } from '../links/display';
import { describeEmail } from '../links/email';

/**
 * Customer text for places that can only show plain text (a system notification): every web
 * address and email address reads as the transcript shows it — the real host, punycode for a
 * look-alike — and bidi overrides are made visible, so the text cannot disguise a link there
 * either. The warnings themselves need the panel; here the address alone cannot lie.
 */
export function readablePlainText(text: string): string {
  return splitMessage(text, findLinks(text))
    .map((part) => {
      if (part.kind === 'text') return revealOverrides(part.text);
      const { entity } = part;
      if (entity.kind === 'url') {
        const view = describeLink(entity.href);
        return view.clickable && (view.scheme === 'http' || view.scheme === 'https') ? view.text : revealInvisible(entity.raw);
      }
      if (entity.kind === 'email') {
        const view = describeEmail(entity.address);
        return view.valid ? view.text : revealInvisible(entity.raw);
      }
      return revealInvisible(entity.raw);
    })
    .join('');
}
