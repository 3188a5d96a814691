/** From this long before a session's inactivity deadline the agent is warned (seen and heard). */
export const SESSION_WARNING_MS = 60_000;

export interface SessionClock {
  /** Milliseconds left before the session ends for inactivity, never negative. */
  leftMs: number;
  warning: boolean;
}

/** Where a session stands against its inactivity deadline (both in server time). */
export function sessionClock(deadline: number, serverNow: number): SessionClock {
  const leftMs = Math.max(0, deadline - serverNow);
  return { leftMs, warning: leftMs <= SESSION_WARNING_MS };
}

/**
 * The sessions that entered their warning since the last look: `warned` holds `id@deadline`
 * keys already announced, so a deadline moved by a new SMS can warn again later, once.
 */
export function newlyWarned(
  sessions: readonly { id: string; deadline: number }[],
  serverNow: number,
  warned: ReadonlySet<string>,
): { fresh: string[]; warned: Set<string> } {
  const current = new Set<string>();
  const fresh: string[] = [];
  for (const { id, deadline } of sessions) {
    if (!sessionClock(deadline, serverNow).warning) continue;
    const key = `${id}@${deadline}`;
    current.add(key);
    if (!warned.has(key)) fresh.push(id);
  }
  return { fresh, warned: current };
}
