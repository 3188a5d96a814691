import type { ServerContext } from '../context';
import { Scheduler } from '../timers/scheduler';
import { pruneEvents } from './events';
import type { Work } from './work';

const HOUSEKEEPING = 'housekeeping';
const EVERY_MS = 3600_000;
/** Stored command answers are kept this long for retries (the outbox retries within minutes). */
const COMMAND_ANSWERS_KEPT_MS = 7 * 24 * 3600_000;

/**
 * Hourly: prunes acknowledged events past the retention window, old command answers and expired
 * tokens. A stored deadline like any other, re-armed by its own handler.
 */
export async function registerHousekeeping(ctx: ServerContext): Promise<void> {
  ctx.scheduler.registerDeadlineKind(HOUSEKEEPING, async (work: Work) => {
    const events = await pruneEvents(work.tx, work.now, ctx.config.events);
    const commands = await work.tx.query('DELETE FROM agent_commands WHERE at < $1 RETURNING 1', [work.now - COMMAND_ANSWERS_KEPT_MS]);
    await work.tx.query('DELETE FROM auth_tokens WHERE expires_at < $1', [work.now]);
    if (events > 0 || commands.length > 0) ctx.log(`housekeeping: pruned ${events} events, ${commands.length} command answers`);
    await Scheduler.schedule(work, HOUSEKEEPING, 'all', work.now + EVERY_MS);
  });
  await ctx.db.query('INSERT INTO deadlines (kind, key, due_at) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO NOTHING', [
    HOUSEKEEPING,
    'all',
    Date.now() + EVERY_MS,
  ]);
}
