import * as v from 'valibot';
import { parseDialerConfig, parseEmailConfig, type DialerConfig, type EmailConfig } from '../../lib/dialer/config';

// `dialer:` and `email:` in the configuration: where a click on a phone number or an email address
// in the transcript takes the agent. Written either as one string (`tel`, `sip:pbx.example`, an
// https template) or as an object `{type, domain?, template?}`; both end in lib/dialer's parsers,
// whose messages say what to write instead.

const DIALER_TYPES = ['tel', 'sip', 'callto', 'template'] as const;
const EMAIL_TYPES = ['mailto', 'template'] as const;

function objectForm(setting: string, value: object, types: readonly string[], keys: readonly string[]): string {
  const given = value as Record<string, unknown>;
  // An already-validated configuration (tests re-validate one) carries `kind`: read it as `type`.
  const { kind, ...rest } = given;
  const record = given.type === undefined && kind !== undefined ? { ...rest, type: kind } : given;
  const extra = Object.keys(record).find((key) => key !== 'type' && !keys.includes(key));
  if (extra !== undefined) throw new Error(`${setting}.${extra}: unknown key (use type${keys.map((k) => `, ${k}`).join('')})`);
  const type = record.type;
  if (typeof type !== 'string' || !types.includes(type)) {
    throw new Error(`${setting}.type: expected one of ${types.join(', ')}, got ${JSON.stringify(type) ?? 'nothing'}`);
  }
  if (type === 'template') {
    if (typeof record.template !== 'string') throw new Error(`${setting}.template: write the URL, e.g. https://crm.example/call?to={number}`);
    return record.template;
  }
  if (record.template !== undefined) throw new Error(`${setting}.template: only for type: template`);
  if (type === 'sip' && record.domain !== undefined) {
    if (typeof record.domain !== 'string') throw new Error(`${setting}.domain: write a host name such as pbx.example.com`);
    return `sip:${record.domain}`;
  }
  if (record.domain !== undefined) throw new Error(`${setting}.domain: only for type: sip`);
  return type;
}

/** Runs a lib/dialer parser inside the schema, so its message becomes the configuration error. */
function viaParser<T>(parse: (value: unknown) => T, setting: string, types: readonly string[], keys: readonly string[]) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      try {
        const value = dataset.value;
        const written = typeof value === 'object' && value !== null ? objectForm(setting, value, types, keys) : value;
        return parse(written);
      } catch (error) {
        // The parsers name the setting themselves; the issue path adds it again.
        addIssue({ message: (error as Error).message.replace(new RegExp(`^${setting}: `), '') });
        return NEVER;
      }
    }),
  );
}

export const DialerSection = viaParser<DialerConfig>(parseDialerConfig, 'dialer', DIALER_TYPES, ['domain', 'template']);
export const EmailSection = viaParser<EmailConfig>(parseEmailConfig, 'email', EMAIL_TYPES, ['template']);
