import * as v from 'valibot';
import { ResponseLanguage } from './responses';

/**
 * What an agent may do beyond handling their own interactions, as the administrator configured it
 * (`agents[].permissions`). The server enforces each; the panel only hides what is not allowed.
 */
export const Permission = v.picklist([
  'media.save', // save an MMS image to disk
  'contact.edit', // change a contact's details
  'contact.assign', // attach an unknown contact's interaction to a known contact
]);
export type Permission = v.InferOutput<typeof Permission>;

/** Most SMS one reply may be sent as, whatever the configuration says (5,000 characters ≈ 33). */
export const MAX_MESSAGES_LIMIT = 30;

/** The message box as the administrator configured it (`compose` in the server's YAML). */
export const ComposeSettings = v.object({
  /** Longest reply, in SMS; the panel disables Send past it and the server refuses it. */
  maxMessages: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MESSAGES_LIMIT)),
  /** Ask "send anyway?" when the reply has misspelled words. */
  spellingWarning: v.boolean(),
  /** Spelling language for agents who have not picked one; absent: the panel's UI language. */
  spellingLanguage: v.optional(ResponseLanguage),
});
export type ComposeSettings = v.InferOutput<typeof ComposeSettings>;

/** A label in each language the panel ships. */
export const LocalizedLabel = v.object({ en: v.string(), fr: v.string() });
export type LocalizedLabel = v.InferOutput<typeof LocalizedLabel>;

export const DispositionOption = v.object({
  code: v.string(),
  label: LocalizedLabel,
  /** Offered only on interactions of these queues; absent: everywhere. */
  queues: v.optional(v.array(v.string())),
});
export type DispositionOption = v.InferOutput<typeof DispositionOption>;

/** `dispositions` in the configuration: the codes, and where one must be chosen before Mark Done. */
export const DispositionSettings = v.object({
  codes: v.array(DispositionOption),
  /** A disposition is mandatory on every interaction… */
  required: v.boolean(),
  /** …or only on interactions of these queues. */
  requiredQueues: v.array(v.string()),
});
export type DispositionSettings = v.InferOutput<typeof DispositionSettings>;

/** `caseData` in the configuration: which keys agents may change, and their display labels. */
export const CaseDataSettings = v.object({
  editable: v.array(v.string()),
  labels: v.record(v.string(), LocalizedLabel),
});
export type CaseDataSettings = v.InferOutput<typeof CaseDataSettings>;

/** Where a click on a phone number goes (`dialer:` in the configuration; see lib/dialer). */
export const DialerSetting = v.variant('kind', [
  v.object({ kind: v.literal('tel') }),
  v.object({ kind: v.literal('sip'), domain: v.optional(v.string()) }),
  v.object({ kind: v.literal('callto') }),
  v.object({ kind: v.literal('template'), template: v.string() }),
]);
export type DialerSetting = v.InferOutput<typeof DialerSetting>;

/** Where a click on an email address goes (`email:` in the configuration). */
export const EmailSetting = v.variant('kind', [
  v.object({ kind: v.literal('mailto') }),
  v.object({ kind: v.literal('template'), template: v.string() }),
]);
export type EmailSetting = v.InferOutput<typeof EmailSetting>;

/**
 * The agent's configuration-driven settings, sent in every `welcome` (so a server restart with a
 * new configuration reaches the desktop at the next connection). Features add optional sections.
 */
export const AgentSettings = v.object({
  permissions: v.array(Permission),
  compose: v.optional(ComposeSettings),
  /**
   * The standard responses library's version and size. The library itself is fetched from
   * `GET /api/responses` only when the panel's IndexedDB copy has another version: the welcome
   * (kept in storage.session and rewritten on every event) stays small.
   */
  standardResponses: v.optional(v.object({ version: v.string(), count: v.number() })),
  dispositions: v.optional(DispositionSettings),
  caseData: v.optional(CaseDataSettings),
  /** Click-to-dial target; absent from older servers: `tel:`. */
  dialer: v.optional(DialerSetting),
  /** Click-to-email target; absent from older servers: `mailto:`. */
  email: v.optional(EmailSetting),
  /** New SMS: the contact-centre numbers this agent may start a conversation from (absent or empty: none). */
  newSms: v.optional(
    v.object({
      numbers: v.array(v.object({ number: v.string(), mode: v.picklist(['page', 'session']), region: v.string() })),
    }),
  ),
});
export type AgentSettings = v.InferOutput<typeof AgentSettings>;
