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
  /** Click-to-dial target; absent from older servers: `tel:`. */
  dialer: v.optional(DialerSetting),
  /** Click-to-email target; absent from older servers: `mailto:`. */
  email: v.optional(EmailSetting),
});
export type AgentSettings = v.InferOutput<typeof AgentSettings>;
