import { hasBidiControl, revealInvisible } from './bidi';
import { describeHost } from './idn';
import type { LinkOptions, LinkSegment, LinkWarning } from './types';

/** How one email address is shown, and the form it is sent to. */
export interface EmailView {
  /** False when the domain is not a valid host name. */
  valid: boolean;
  /** `local@domain` with the domain in its ASCII form: the mailbox the message really goes to. */
  address: string;
  text: string;
  segments: LinkSegment[];
  warnings: LinkWarning[];
}

function asciiDomain(domain: string): string | undefined {
  if (domain === '' || /[\s/?#@\\:[\]]/u.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * `jean@exämple.fr` reads as written; `jean@аpple.com` (Cyrillic а) shows its domain in punycode
 * with the reason, exactly like a web link's host.
 */
export function describeEmail(address: string, options: LinkOptions = {}): EmailView {
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : '';
  const domain = asciiDomain(at > 0 ? address.slice(at + 1) : '');
  if (local === '' || domain === undefined) {
    const text = revealInvisible(address);
    return { valid: false, address, text, segments: [{ role: 'path', text }], warnings: [] };
  }
  const host = describeHost(domain, options);
  const segments: LinkSegment[] = [
    { role: 'mailbox', text: `${revealInvisible(local)}@` },
    { role: 'host', text: revealInvisible(host.text) },
  ];
  return {
    valid: true,
    address: `${local}@${domain}`,
    text: segments.map((segment) => segment.text).join(''),
    segments,
    warnings: hasBidiControl(address) ? [...host.warnings, { kind: 'bidi_control' }] : host.warnings,
  };
}
