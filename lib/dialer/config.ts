/**
 * Where a click on a phone number or an email address takes the agent, as the administrator
 * configures it (`dialer:` and `email:` in the server configuration). Validated once, at
 * configuration load, with errors that say what to write instead; the builders in `targets.ts`
 * then only ever see valid configurations.
 */

/** `tel:` (the default: the operating system's or softphone's handler), `sip:`, `callto:`, or a page of the CRM. */
export type DialerConfig =
  | { kind: 'tel' }
  | { kind: 'sip'; domain: string | undefined }
  | { kind: 'callto' }
  | { kind: 'template'; template: string };

/** `mailto:` (the default mail client) or a web mail's compose page. */
export type EmailConfig = { kind: 'mailto' } | { kind: 'template'; template: string };

export const DIALER_PLACEHOLDERS = ['number', 'e164', 'national'] as const;
export const EMAIL_PLACEHOLDERS = ['email'] as const;

export class TargetConfigError extends Error {
  override name = 'TargetConfigError';
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Stands for a value while a template is checked; never part of a real address. */
const SAMPLE = 'texto-sample-value';

/**
 * A URL template: http(s) only, known placeholders only, at least one, and only in the path,
 * query or fragment — so the value filled in can never change which site is opened.
 */
function parseTemplate(setting: string, template: string, allowed: readonly string[]): string {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const list = allowed.map((name) => `{${name}}`).join(', ');
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined) throw new TargetConfigError(`${setting}: unknown placeholder {${unknown}} in "${template}"; use ${list}.`);
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) throw new TargetConfigError(`${setting}: unbalanced brace in "${template}".`);
  if (names.length === 0) throw new TargetConfigError(`${setting}: the template "${template}" has no placeholder; put ${list} where the value goes.`);
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, SAMPLE));
  } catch {
    throw new TargetConfigError(`${setting}: "${template}" is not a URL; write a full address such as https://crm.example/call?to={${allowed[0]}}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TargetConfigError(`${setting}: a template must be an http or https address, not "${url.protocol}".`);
  }
  if (`${url.username}${url.password}${url.host}`.includes(SAMPLE)) {
    throw new TargetConfigError(`${setting}: a placeholder may only stand in the path or query of "${template}", not in its host.`);
  }
  return template;
}

function isTemplate(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/**
 * `dialer:` in the configuration: absent → `tel`; `tel`, `sip`, `callto`; `sip:pbx.example`
 * (SIP with the contact centre's domain); or a URL template with `{number}`/`{e164}` (E.164,
 * `+33612345678`) or `{national}` (the digits as dialled from the configured region).
 */
export function parseDialerConfig(value: unknown): DialerConfig {
  if (value === undefined || value === null || value === 'tel') return { kind: 'tel' };
  if (typeof value !== 'string') throw new TargetConfigError(`dialer: expected text such as "tel", "sip", "callto" or "https://crm.example/call?to={number}", got ${typeof value}.`);
  const setting = value.trim();
  if (setting === 'sip') return { kind: 'sip', domain: undefined };
  if (setting === 'callto') return { kind: 'callto' };
  if (setting.startsWith('sip:')) {
    const domain = setting.slice(4);
    if (!HOST_NAME.test(domain)) throw new TargetConfigError(`dialer: "${domain}" is not a host name; write sip:pbx.example.com.`);
    return { kind: 'sip', domain: domain.toLowerCase() };
  }
  if (isTemplate(setting)) return { kind: 'template', template: parseTemplate('dialer', setting, DIALER_PLACEHOLDERS) };
  throw new TargetConfigError(`dialer: "${setting}" is not supported; use tel, sip, sip:<domain>, callto or an https:// template with {number}.`);
}

/** `email:` in the configuration: absent → `mailto`; or a compose URL template with `{email}`. */
export function parseEmailConfig(value: unknown): EmailConfig {
  if (value === undefined || value === null || value === 'mailto') return { kind: 'mailto' };
  if (typeof value !== 'string') throw new TargetConfigError(`email: expected "mailto" or a template such as "https://mail.example/compose?to={email}", got ${typeof value}.`);
  const setting = value.trim();
  if (isTemplate(setting)) return { kind: 'template', template: parseTemplate('email', setting, EMAIL_PLACEHOLDERS) };
  throw new TargetConfigError(`email: "${setting}" is not supported; use mailto or an https:// template with {email}.`);
}
