import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number as an agent types it ("06 12 34 56 78", "+33 6 12…", "0033612…"), read in the
 * contact-centre number's region; the E.164 form, or undefined when it is not a valid number.
 */
export function typedNumberToE164(typed: string, region: string): string | undefined {
  const parsed = parsePhoneNumberFromString(typed.trim().replace(/^00/, '+'), region as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
}
