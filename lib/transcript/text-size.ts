/** Text sizes the agent can pick for the transcript and the message box, in percent. */
export const TEXT_SIZES = [80, 90, 100, 110, 125, 150, 175, 200] as const;
export const DEFAULT_TEXT_SIZE = 100;

/** A stored or typed value made one of TEXT_SIZES (the nearest), or the default when unusable. */
export function normaliseTextSize(value: unknown): number {
  const percent = typeof value === 'string' ? Number(value) : value;
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return DEFAULT_TEXT_SIZE;
  let nearest: number = DEFAULT_TEXT_SIZE;
  for (const size of TEXT_SIZES) if (Math.abs(size - percent) < Math.abs(nearest - percent)) nearest = size;
  return nearest;
}
