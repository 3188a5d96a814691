import { find } from 'linkifyjs';
import type { EmailEntity, UrlEntity } from './types';

/**
 * Closing quotes and ellipses linkify keeps at the end of a URL: `«https://x.fr/a»` must not
 * link `https://x.fr/a»`. Then the sentence punctuation that may come before them.
 */
const TRAILING_QUOTES = /[»”’›…]+$/u;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/u;

function trimTrailing(value: string): string {
  let trimmed = value;
  for (;;) {
    const next = trimmed.replace(TRAILING_QUOTES, '').replace(TRAILING_PUNCTUATION, '');
    if (next === trimmed) return trimmed;
    trimmed = next;
  }
}

function emailOf(href: string): string {
  const address = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/**
 * Every address linkify finds has a dot glued to a letter or digit (`x.fr`, `www.`), an `@` or
 * a `://`; most SMS have none (a sentence's final dot is followed by a space), so they skip the
 * scanner.
 */
const MAY_HOLD_ADDRESS = /[.．。｡][\p{L}\p{N}]|[@＠]|:\/\//u;

/** Web and email addresses, found by linkify (which also knows every TLD, IDN ones included). */
export function findLinks(text: string): (UrlEntity | EmailEntity)[] {
  const found: (UrlEntity | EmailEntity)[] = [];
  if (!MAY_HOLD_ADDRESS.test(text)) return found;
  for (const match of find(text)) {
    const value = trimTrailing(match.value);
    if (value === '') continue;
    const start = match.start;
    const end = start + value.length;
    const href = value === match.value ? match.href : trimTrailing(match.href);
    // One recipient becomes an email entity (the agent's email target). A `mailto:` with several
    // recipients or none, or with fields (`?cc=`, `bcc`, `subject`, `body`: extra recipients and
    // words the email target would not show), stays a link: written out whole, never opened.
    const mailto = /^mailto:/i.test(href);
    const email = match.type === 'email' || mailto ? emailOf(href) : '';
    if (email.includes('@') && !email.includes(',') && !(mailto && href.includes('?'))) {
      found.push({ kind: 'email', start, end, raw: value, address: email });
    } else {
      found.push({ kind: 'url', start, end, raw: value, href });
    }
  }
  return found;
}
