import * as v from 'valibot';
import { Id } from './domain';

/**
 * Team Communicator's answer to `listTargets`: internal targets with their presence. `busy` means
 * Ready or not, the agent has as many interactions as their capacity allows.
 */
export const AgentPresence = v.picklist(['ready', 'not_ready', 'busy', 'offline']);
export type AgentPresence = v.InferOutput<typeof AgentPresence>;

export const DirectoryTarget = v.variant('kind', [
  v.object({
    kind: v.literal('agent'),
    agentId: Id,
    name: v.string(),
    presence: AgentPresence,
    /** The agent's internal phone number, for a voice consultation. */
    extension: v.optional(v.string()),
    recent: v.boolean(),
  }),
  v.object({
    kind: v.literal('queue'),
    queue: Id,
    description: v.optional(v.string()),
    /** Agents of the queue who are Ready, present and have room now. */
    readyAgents: v.pipe(v.number(), v.integer(), v.minValue(0)),
    recent: v.boolean(),
  }),
]);
export type DirectoryTarget = v.InferOutput<typeof DirectoryTarget>;

/** The `result` of a `listTargets` command. */
export const TargetList = v.object({ targets: v.array(DirectoryTarget) });
export type TargetList = v.InferOutput<typeof TargetList>;
