import * as v from 'valibot';

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

/**
 * The agent's configuration-driven settings, sent in every `welcome` (so a server restart with a
 * new configuration reaches the desktop at the next connection). Features add optional sections.
 */
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

export const AgentSettings = v.object({
  permissions: v.array(Permission),
  dispositions: v.optional(DispositionSettings),
  caseData: v.optional(CaseDataSettings),
  /** Click-to-dial target; absent from older servers: `tel:`. */
  dialer: v.optional(DialerSetting),
  /** Click-to-email target; absent from older servers: `mailto:`. */
  email: v.optional(EmailSetting),
});
export type AgentSettings = v.InferOutput<typeof AgentSettings>;
