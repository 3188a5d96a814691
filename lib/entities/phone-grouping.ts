import { parseDigits, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Whether digits the customer wrote are grouped like a phone number of that country. A phone
 * number is written in its country's groups (`06 12 34 56 78`), as one block (`0612345678`), or
 * with neighbouring groups run together and one separator throughout (`06 1234 5678`) — what
 * libphonenumber calls STRICT_GROUPING, which libphonenumber-js does not implement. A date and
 * time (`01.02.2024 10`), an IBAN (`3000 6000 0112`) or an amount is grouped otherwise.
 * Also the national-prefix rule: where a country writes its trunk prefix (France: `0`), a
 * number written nationally must carry it, so `732 829 320` (a company number) is not a phone.
 */

const DIGIT_GROUPS = /\p{Nd}+/gu;
const BETWEEN_GROUPS = /(?<=\p{Nd})[^\p{Nd}]+(?=\p{Nd})/gu;

function groupsOf(text: string): string[] {
  return (text.match(DIGIT_GROUPS) ?? []).map((group) => parseDigits(group));
}

/** Drops `count` leading digits from the groups (a country code or international prefix). */
function dropLeadingDigits(groups: string[], count: number): string[] {
  const kept = [...groups];
  let left = count;
  while (left > 0 && kept.length > 0) {
    const first = kept[0]!;
    if (first.length <= left) {
      left -= first.length;
      kept.shift();
    } else {
      kept[0] = first.slice(left);
      left = 0;
    }
  }
  return kept;
}

/** True when each written group is one or more whole consecutive groups of the formatted number. */
function mergesFormattedGroups(written: string[], formatted: string[]): boolean {
  let next = 0;
  for (const group of written) {
    let merged = '';
    while (merged.length < group.length && next < formatted.length) merged += formatted[next++];
    if (merged !== group) return false;
  }
  return next === formatted.length;
}

/**
 * Groupings people use besides the official one: in France every number is read in pairs
 * (`08 00 12 34 56`, `+33 8 00 12 34 56`) although the official format of some ranges is not.
 */
const CUSTOMARY_PAIRS: ReadonlySet<string> = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'MC']);

function inPairs(written: string[], international: boolean): boolean {
  return written.every((group, index) => group.length === (index === 0 && international ? 1 : 2));
}

function groupingFits(written: string[], formatted: string[], separators: string[], pairs: boolean): boolean {
  if (written.length === 1) return true;
  // Mixed separators are a date and time (`06.12.20.24 14`), unless written exactly as the
  // country formats its numbers (checked by the caller: `(415) 555-2671`).
  if (!separators.every((separator) => separator === separators[0])) return false;
  return pairs || mergesFormattedGroups(written, formatted);
}

/** `candidate`: the text the finder matched, without an extension; `phone`: what it parsed. */
export function isWrittenLikeAPhoneNumber(candidate: string, phone: PhoneNumber): boolean {
  const nationalNumber: string = phone.nationalNumber;
  const international = candidate.trimStart().startsWith('+') || candidate.trimStart().startsWith('＋');
  // `+33 (0)6 12 34 56 78`: the trunk prefix in brackets is a common French habit.
  const written = international ? candidate.replace(/\(\s*0\s*\)/u, ' ') : candidate;
  const groups = groupsOf(written);
  const digits = groups.join('');
  if (!digits.endsWith(nationalNumber)) return false;

  const nationalFormat = phone.formatNational();
  const nationalDigits = parseDigits(nationalFormat);
  const writtenNationally = !international && (digits === nationalDigits || digits === nationalNumber);
  if (!international && !writtenNationally) {
    // Digits before the country code with no `+`: an international call prefix (`0033…`),
    // which the finder only accepts when it is the region's own.
    if (!digits.endsWith(`${phone.countryCallingCode}${nationalNumber}`)) return false;
  }
  // Where the national format carries a trunk prefix, a national number must be written with it.
  if (writtenNationally && nationalDigits !== nationalNumber && digits !== nationalDigits) return false;

  const asWritten = candidate.trim().replace(/\p{Nd}/gu, (digit) => parseDigits(digit));
  if (asWritten === nationalFormat || asWritten === phone.formatInternational()) return true;
  if (phone.countryCallingCode === '1' && writtenLikeNorthAmerican(asWritten)) return true;

  const formatted = writtenNationally
    ? groupsOf(nationalFormat)
    : groupsOf(phone.formatInternational()).slice(1);
  const prefixLength = digits.length - formatted.join('').length;
  const kept = dropLeadingDigits(groups, prefixLength);
  const keptText = written.slice(written.length - lengthOfLastGroups(written, kept.length));
  const pairs = CUSTOMARY_PAIRS.has(phone.country ?? '') && inPairs(kept, !writtenNationally);
  const separators = keptText.match(BETWEEN_GROUPS) ?? [];
  if (!writtenNationally && customaryInternational(kept, separators)) return true;
  return groupingFits(kept, formatted, separators, pairs);
}

/**
 * North American numbers as people write them: `(415) 555-2671`, `1 (415) 555-2671`,
 * `+1 (415) 555-2671`, `1-800-555-0199`, `415.555.2671` — the area code in brackets or not.
 */
const NORTH_AMERICAN = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/u;

export const writtenLikeNorthAmerican = (candidate: string) => NORTH_AMERICAN.test(candidate.trim());

/**
 * After a country code (`+34`, `0049`), the groups people use at home besides the official
 * ones: Spanish mobiles in threes (`612 345 678`), Madrid as `91 123 45 67`, German area code
 * then subscriber (`151 23456789`, `30 1234 5678`). A country code is a strong sign of a phone
 * number, so any grouping passes as long as one separator runs throughout and no group is a
 * lone digit past the first (`+49 30 1 2 3…` is not how anyone writes a number).
 */
function customaryInternational(groups: string[], separators: string[]): boolean {
  if (groups.length < 2 || !separators.every((separator) => separator === separators[0])) return false;
  return groups.every((group, index) => (index === 0 ? group.length <= 5 : group.length >= 2));
}

/** Characters from the start of the `count`-th digit group from the end to the end of `text`. */
function lengthOfLastGroups(text: string, count: number): number {
  const starts = [...text.matchAll(DIGIT_GROUPS)].map((match) => match.index);
  const first = starts[starts.length - count] ?? 0;
  return text.length - first;
}
