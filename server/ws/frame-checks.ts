import { ClientFrame, unstorableReason } from '../../lib/protocol';

const FRAME_TYPES = new Set<string>(ClientFrame.options.map((o) => o.entries.type.literal));

/**
 * Why the text is not a frame of this protocol at all (`bad_frame`: not JSON, not an object, an
 * unknown type), or undefined when it is one (whose content may still be a `bad_request`).
 */
export function frameShapeProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The frame is not valid JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The frame must be a JSON object.';
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') return 'The frame has no "type".';
  if (!FRAME_TYPES.has(type)) return `Unknown frame type "${type.slice(0, 40)}"; expected one of ${[...FRAME_TYPES].join(', ')}.`;
  return undefined;
}

/** The id of an invalid command (or query) frame, so the client can match the error to what it sent. */
export function commandIdOf(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown; id?: unknown };
    return (value.type === 'command' || value.type === 'query') && typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 64 && unstorableReason(value.id) === undefined
      ? value.id
      : undefined;
  } catch {
    return undefined;
  }
}
