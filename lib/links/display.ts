import { hasBidiControl, revealInvisible } from './bidi';
import { describeEmail } from './email';
import { describeHost } from './idn';
import { encodesBidiControl, readableComponent } from './readable';
import type { LinkOptions, LinkSegment, LinkView, LinkWarning } from './types';

/** The only schemes that ever become clickable (DESIGN.md, Security rules). */
const CLICKABLE = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * How an address found in customer text is shown. The scheme is judged on what the URL parser
 * makes of the address — after it strips tabs, newlines and surrounding spaces and lowercases the
 * scheme — so `JaVaScRiPt:`, `java\tscript:` and ` javascript:` are all `javascript:`, and the
 * `href` given to the link is that same parsed URL: what was checked is what opens.
 */
export function describeLink(href: string, options: LinkOptions = {}): LinkView {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return plain(href, '', []);
  }
  const scheme = url.protocol.slice(0, -1);
  if (!CLICKABLE.has(url.protocol)) return plain(href, scheme, [{ kind: 'scheme_not_allowed', scheme }]);
  const bidi: LinkWarning[] = hasBidiControl(href) || encodesBidiControl(url.href) ? [{ kind: 'bidi_control' }] : [];
  if (url.protocol === 'mailto:') return describeMailto(url, bidi, options);
  if (url.protocol === 'tel:') return view(url, [seg('scheme', 'tel:'), seg('path', readableComponent(url.pathname))], bidi);
  return describeWeb(url, bidi, options);
}

function describeWeb(url: URL, warnings: LinkWarning[], options: LinkOptions): LinkView {
  const host = describeHost(url.hostname, options);
  const segments = [seg('scheme', `${url.protocol}//`)];
  if (url.username !== '' || url.password !== '') {
    const password = url.password === '' ? '' : `:${url.password}`;
    segments.push(seg('userinfo', `${readableComponent(url.username)}${readableComponent(password)}@`));
    warnings = [{ kind: 'userinfo', host: host.text }, ...warnings];
  }
  segments.push(seg('host', host.text));
  if (url.port !== '') segments.push(seg('port', `:${url.port}`));
  segments.push(seg('path', readableComponent(`${url.pathname}${url.search}${url.hash}`)));
  return view(url, segments, [...warnings, ...host.warnings]);
}

/** `mailto:a@x.fr,b@y.fr?subject=…`: every recipient's domain gets the same host rules. */
function describeMailto(url: URL, warnings: LinkWarning[], options: LinkOptions): LinkView {
  let recipients: string[];
  try {
    recipients = decodeURIComponent(url.pathname).split(',');
  } catch {
    return plain(url.href, 'mailto', []);
  }
  const segments = [seg('scheme', 'mailto:')];
  const found = [...warnings];
  recipients.forEach((recipient, index) => {
    const email = describeEmail(recipient, options);
    if (index > 0) segments.push(seg('path', ','));
    segments.push(...email.segments);
    found.push(...email.warnings);
  });
  if (url.search !== '' || url.hash !== '') segments.push(seg('path', readableComponent(`${url.search}${url.hash}`)));
  return view(url, segments, found);
}

function seg(role: LinkSegment['role'], text: string): LinkSegment {
  return { role, text: revealInvisible(text) };
}

function view(url: URL, segments: LinkSegment[], warnings: LinkWarning[]): LinkView {
  const kept = segments.filter((segment) => segment.text !== '');
  return {
    clickable: true,
    scheme: url.protocol.slice(0, -1),
    href: url.href,
    text: kept.map((segment) => segment.text).join(''),
    segments: kept,
    tooltip: url.href,
    warnings,
  };
}

function plain(raw: string, scheme: string, warnings: LinkWarning[]): LinkView {
  const text = revealInvisible(raw);
  return {
    clickable: false,
    scheme,
    href: '',
    text,
    segments: [{ role: 'path', text }],
    tooltip: text,
    warnings: hasBidiControl(raw) ? [...warnings, { kind: 'bidi_control' }] : warnings,
  };
}
