import { decode } from 'punycode/punycode.es6.js';
import { revealInvisible } from './bidi';
import { isWholeScriptConfusable, skeleton } from './confusables';
import { PROTECTED_DOMAINS } from './protected-domains';
import { labelScripts, type Script } from './scripts';
import type { HostView, LinkOptions, LinkWarning } from './types';

/**
 * Whether a host may be shown in Unicode, after the rules browsers apply to internationalised
 * domain names (Chromium's IDN spoof checker, UTS #39), in a documented subset:
 * a label is shown in Unicode only if it decodes to the same ASCII again, holds only letters,
 * marks, digits and hyphens from recommended scripts, uses one script (or a CJK mix), is not
 * spelt wholly in Latin look-alikes of another script outside that script's own TLDs, and the
 * host does not read as a well-known site. Otherwise the agent sees the punycode, which is what
 * the browser really contacts, and the Unicode form beside it with the reason.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL_CHARACTERS = /^[\p{L}\p{M}\p{Nd}-]+$/u;
const MARK = /\p{M}/u;
const ASCII = /^[\x20-\x7E]*$/;

/** TLDs where a label in that script is at home (`сайт.рф` is Russian, not a trick). */
const NATIVE_TLDS: Partial<Record<Script, readonly string[]>> = {
  Cyrillic: ['ru', 'su', 'ua', 'by', 'bg', 'kz', 'kg', 'uz', 'tj', 'mk', 'rs', 'mn', 'рф', 'укр', 'бел', 'срб', 'мкд', 'қаз', 'мон', 'бг', 'рус'],
  Greek: ['gr', 'cy', 'ελ', 'ευ'],
  Armenian: ['am', 'հայ'],
};

/** The ASCII form the browser would use for a Unicode host, or undefined if it is not a valid host. */
function toAscii(unicodeHost: string): string | undefined {
  try {
    return new URL(`http://${unicodeHost}/`).hostname;
  } catch {
    return undefined;
  }
}

function toUnicode(asciiHost: string): string | undefined {
  try {
    const labels = asciiHost.split('.').map((label) => (label.startsWith('xn--') ? decode(label.slice(4)) : label));
    const unicode = labels.join('.');
    // Only a round trip proves the label was valid punycode for a valid name.
    return toAscii(unicode) === asciiHost ? unicode : undefined;
  } catch {
    return undefined;
  }
}

function isIpHost(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host);
}

/** What the host reads as once look-alike letters are replaced, when that is plain ASCII. */
function readsAs(unicodeHost: string): string | undefined {
  const reads = skeleton(unicodeHost);
  return ASCII.test(reads) ? reads : undefined;
}

function labelWarnings(label: string, unicodeHost: string, tld: string): LinkWarning[] {
  if (ASCII.test(label)) return [];
  const scripts = labelScripts(label);
  if (!LABEL_CHARACTERS.test(label) || scripts.kind === 'unusual') return [{ kind: 'unusual_characters' }];
  if (scripts.kind === 'mixed') return [{ kind: 'mixed_script', imitates: readsAs(unicodeHost) }];
  if (scripts.kind === 'cjk') return [];
  const script = scripts.script;
  // A Latin letter followed by a combining mark that NFC could not fold (`i̇`): a dotted look-alike.
  if (script === 'Latin' && MARK.test(label.normalize('NFC'))) return [{ kind: 'unusual_characters' }];
  if (script !== undefined && script !== 'Latin' && isWholeScriptConfusable(label) && !(NATIVE_TLDS[script] ?? []).includes(tld)) {
    return [{ kind: 'whole_script_confusable', imitates: skeleton(unicodeHost) }];
  }
  return [];
}

function imitatedSite(unicodeHost: string, protectedDomains: readonly string[]): string | undefined {
  const reads = skeleton(unicodeHost);
  return protectedDomains.find((domain) => reads === domain || reads.endsWith(`.${domain}`));
}

/** How the host of a parsed URL (`url.hostname`, already ASCII) is shown to the agent. */
export function describeHost(asciiHost: string, options: LinkOptions = {}): HostView {
  if (isIpHost(asciiHost)) return { text: asciiHost, warnings: [{ kind: 'ip_address', host: asciiHost }] };
  if (!asciiHost.split('.').some((label) => label.startsWith('xn--'))) return { text: asciiHost, warnings: [] };

  const unicode = toUnicode(asciiHost);
  if (unicode === undefined) return { text: asciiHost, warnings: [{ kind: 'invalid_punycode' }] };

  const labels = unicode.split('.');
  const tld = labels.at(-1) ?? '';
  const warnings = labels.flatMap((label) => labelWarnings(label, unicode, tld));
  // Mixed and whole-script labels already say what they read as; this catches the rest
  // (`gõõgle.com`: Latin only, but accents away it is google.com).
  const named = warnings.some((warning) => warning.kind === 'mixed_script' || warning.kind === 'whole_script_confusable');
  const imitates = imitatedSite(unicode, options.protectedDomains ?? PROTECTED_DOMAINS);
  if (imitates !== undefined && !named) warnings.push({ kind: 'lookalike', imitates });
  if (warnings.length === 0) return { text: unicode, warnings };
  return { text: asciiHost, warnings: [{ kind: 'punycode', unicode: revealInvisible(unicode) }, ...dedupe(warnings)] };
}

function dedupe(warnings: LinkWarning[]): LinkWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = JSON.stringify(warning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
