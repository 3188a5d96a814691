import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describeEmail } from '../links/email';
import type { DialerConfig, EmailConfig } from './config';

export type { DialerConfig, EmailConfig } from './config';
export { parseDialerConfig, parseEmailConfig, TargetConfigError } from './config';

/** What a target cannot be built from: not a phone number, not an email address. */
export class TargetValueError extends Error {
  override name = 'TargetValueError';
}

const E164 = /^\+[1-9]\d{5,14}$/;
const PLACEHOLDER = /\{(\w+)\}/g;
/** An unquoted local part (RFC 5322 dot-atom, Unicode allowed by RFC 6531): no spaces, `@` or brackets. */
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"\p{Cc}\p{Cf}]{1,64}$/u;

function fill(template: string, values: Record<string, string>): string {
  // Every value is percent-encoded, so it cannot add a parameter (`&`), a fragment or a path.
  return template.replace(PLACEHOLDER, (_whole, name: string) => encodeURIComponent(values[name] ?? ''));
}

/**
 * The digits as dialled from `region`: the national form with its trunk prefix for a number of
 * that country (`0612345678`), the international call prefix otherwise (`0014155552671` from FR).
 */
function nationalDigits(e164: string, region: CountryCode): string {
  const phone = parsePhoneNumberFromString(e164);
  if (phone === undefined) return e164.slice(1);
  const dialled = phone.country === region ? phone.formatNational() : phone.format('IDD', { fromCountry: region });
  return (dialled || phone.formatNational()).replace(/\D/g, '');
}

/** The URL that dials `e164` (validated E.164) for the configured dialer. */
export function dialTarget(config: DialerConfig, e164: string, region: CountryCode): string {
  if (!E164.test(e164)) throw new TargetValueError(`"${e164}" is not a phone number in E.164 form such as +33612345678.`);
  switch (config.kind) {
    case 'tel':
      return `tel:${e164}`;
    case 'callto':
      return `callto:${e164}`;
    case 'sip':
      return config.domain === undefined ? `sip:${e164}` : `sip:${e164}@${config.domain};user=phone`;
    case 'template':
      return fill(config.template, { number: e164, e164, national: nationalDigits(e164, region) });
  }
}

const EXTENSION = /^[0-9*#]{1,15}$/;

/**
 * The URL that calls a colleague's internal extension (`1002`) for a voice consultation, with the
 * configured dialer. `tel:1002` alone is not a valid tel: URL (RFC 3966: a local number needs a
 * `phone-context`), and browsers read it as a host and a port: `tel:` and `callto:` carry the
 * region's calling code as context (`tel:1002;phone-context=+33`); SIP with the centre's domain
 * calls `sip:1002@pbx.example`; a template gets the extension for each placeholder.
 */
export function extensionTarget(config: DialerConfig, extension: string, region: CountryCode): string {
  if (!EXTENSION.test(extension)) throw new TargetValueError(`"${extension}" is not an extension (digits, * or #, at most 15).`);
  const local = `tel:${encodeURIComponent(extension)};phone-context=+${getCountryCallingCode(region)}`;
  switch (config.kind) {
    case 'tel':
      return local;
    case 'callto':
      return `callto:${local.slice('tel:'.length)}`;
    case 'sip':
      return config.domain === undefined ? local : `sip:${encodeURIComponent(extension)}@${config.domain}`;
    case 'template':
      return fill(config.template, { number: extension, e164: extension, national: extension });
  }
}

/** The URL that writes to `address` for the configured email target. */
export function emailTarget(config: EmailConfig, address: string): string {
  const email = describeEmail(address.trim());
  if (!email.valid || !LOCAL_PART.test(email.address.slice(0, email.address.lastIndexOf('@')))) throw new TargetValueError(`"${address}" is not an email address.`);
  // The domain in its ASCII form: the mailbox the message really goes to.
  const at = email.address.lastIndexOf('@');
  const local = email.address.slice(0, at);
  const domain = email.address.slice(at + 1);
  switch (config.kind) {
    case 'mailto':
      return `mailto:${encodeURIComponent(local)}@${domain}`;
    case 'template':
      return fill(config.template, { email: email.address });
  }
}
