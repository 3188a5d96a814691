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
export const AgentSettings = v.object({
  permissions: v.array(Permission),
});
export type AgentSettings = v.InferOutput<typeof AgentSettings>;
