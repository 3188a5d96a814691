import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { isWrittenLikeAPhoneNumber, writtenLikeNorthAmerican } from './phone-grouping';
import type { CountryCode, PhoneEntity } from './types';

/**
 * Phone numbers in a message. libphonenumber-js (with its full metadata, so that validity is
 * checked against each country's real number ranges, not only lengths) finds valid numbers;
 * the rules here remove the false friends an SMS is full of: company numbers, dates and times,
 * amounts, order and parcel numbers, IBANs, numbers inside longer digit runs.
 */

/**
 * Six digits in a row, apart from up to two spaces, dots, dashes or brackets between them: no
 * phone number is shorter, and most messages (dates with slashes, amounts, postcodes) have no
 * such run, so they skip the finder, which is the costly part.
 */
const DIGIT_RUN = /\p{Nd}(?:[\s.\-()]{0,2}\p{Nd}){5}/u;

/** Glued to the number on the left: a word, a reference sign, a currency, an operator. */
const GLUED_BEFORE = /[\p{L}\p{Nd}_#/@&%°º€$£¥=*\\-]$/u;
/** Part of a longer digit run (`FR76 3000 6000 …`) or a decimal number (`1.0612…`). */
const DIGITS_BEFORE = /\p{Nd}[ .,\-/]?$/u;
/** Words that announce a reference number rather than a phone number (French and English). */
const REFERENCE_BEFORE =
  /(?:^|[^\p{L}])(?:n[°º]|no\.?|num[ée]ro de (?:commande|dossier|suivi|colis|contrat|facture)|r[ée]f(?:[ée]rence)?\.?|reference|commande|cde|facture|dossier|order|invoice|contrat|contract|iban|bic|siren|siret|tva|vat|colis|suivi|tracking|code)\s*[:.]?\s*$/iu;
/** Glued on the right, continuing digits, a decimal part, an amount, a percentage or a time. */
const GLUED_AFTER = /^(?:[\p{L}\p{Nd}_%°€$£¥@]|[ .,\-/]\p{Nd}|\s?(?:€|\$|£|%|eur\b|euros?\b|[:h]\p{Nd}))/iu;
/** An extension (`x12`, `ext. 12`, `poste 12`): dialled separately, so left out of the span. */
const EXTENSION = /\s*(?:[,;#xX]|ext\.?|extension|poste)\s*\p{Nd}+$/u;

/** `after` is where the finder's match ended, past any extension. */
function inContext(text: string, start: number, after: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const following = text.slice(after, after + 8);
  // A leading `+` starts a new number even right after other digits.
  const continuesDigits = DIGITS_BEFORE.test(before) && text[start] !== '+';
  return !GLUED_BEFORE.test(before) && !continuesDigits && !REFERENCE_BEFORE.test(before) && !GLUED_AFTER.test(following);
}

/**
 * Lists (`06 12 34 56 78, 07 52 34 56 78`) are cut at commas, semicolons and line ends before
 * the finder runs: it would otherwise read `, 07` as an extension of the first number and miss
 * the second.
 */
const LIST_SEPARATOR = /[,;]\s+|\n/gu;

export function findPhones(text: string, region: CountryCode): PhoneEntity[] {
  if (!DIGIT_RUN.test(text)) return [];
  const phones: PhoneEntity[] = [];
  let from = 0;
  for (const separator of text.matchAll(LIST_SEPARATOR)) {
    findInPart(text, from, separator.index, region, phones);
    from = separator.index + separator[0].length;
  }
  findInPart(text, from, text.length, region, phones);
  return phones;
}

/** Regions of the North American plan (+1): their numbers are read nationally there already. */
const NORTH_AMERICAN_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP', 'DO', 'JM', 'TT', 'BS', 'BB']);

function findInPart(text: string, from: number, to: number, region: CountryCode, phones: PhoneEntity[]): void {
  const part = text.slice(from, to);
  if (!DIGIT_RUN.test(part)) return;
  const found = findInRegion(text, from, part, region);
  // `(415) 555-2671`, `1-800-555-0199`: the North American way is unmistakable, so it is read
  // as a +1 number whatever the centre's region (a French centre hears from Canadians too).
  if (!NORTH_AMERICAN_REGIONS.has(region)) {
    for (const phone of findInRegion(text, from, part, 'US')) {
      // Only the forms nobody else uses: the area code in brackets, or the leading 1 (`1-800-…`);
      // a bare `415 555 2671` could be any reference number here.
      if (!writtenLikeNorthAmerican(phone.raw) || !/^(?:\(|1[\s.-]?[(\d])/u.test(phone.raw)) continue;
      if (found.some((other) => other.start < phone.end && phone.start < other.end)) continue;
      found.push(phone);
    }
    found.sort((a, b) => a.start - b.start);
  }
  phones.push(...found);
}

function findInRegion(text: string, from: number, part: string, region: CountryCode): PhoneEntity[] {
  const phones: PhoneEntity[] = [];
  for (const found of findPhoneNumbersInText(part, { defaultCountry: region })) {
    let start = from + found.startsAt;
    const foundEnd = from + found.endsAt;
    let raw = text.slice(start, foundEnd).replace(EXTENSION, '');
    // `(06 12 34 56 78)`: the finder keeps the opening bracket; the closing one is outside.
    if (raw.startsWith('(') && !raw.includes(')')) {
      start += 1;
      raw = raw.slice(1);
    }
    const end = start + raw.length;
    if (raw.includes('/') || !inContext(text, start, foundEnd)) continue;
    if (!isWrittenLikeAPhoneNumber(raw, found.number)) continue;
    phones.push({ kind: 'phone', start, end, raw, e164: found.number.number });
  }
  return phones;
}
