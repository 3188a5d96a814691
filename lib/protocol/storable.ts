/**
 * Text the database cannot store: PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16
 * surrogate has no UTF-8 form. Every frame and JSON body is checked once, at the boundary, so such
 * input is a `bad_request` naming the field instead of an internal error deep in a command.
 */

/** Why a string cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (!text.isWellFormed()) return 'contains a lone surrogate (not valid Unicode)';
  return undefined;
}

export interface UnstorableString {
  /** Dot path of the field, e.g. `command.text` (`(key)` when an object key itself is bad). */
  path: string;
  reason: string;
}

/**
 * The first string (value or object key) anywhere in a parsed JSON value that cannot be stored.
 * `exempt` lists dot paths whose content is data the caller stores another way (a customer's text).
 */
export function findUnstorableString(value: unknown, exempt: readonly string[] = [], path = ''): UnstorableString | undefined {
  if (typeof value === 'string') {
    if (exempt.includes(path)) return undefined;
    const reason = unstorableReason(value);
    return reason ? { path: path || '(value)', reason } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableString(value[i], exempt, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const keyReason = unstorableReason(key);
    if (keyReason) return { path: `${path || '(object)'} key "${JSON.stringify(key).slice(1, 41)}"`, reason: keyReason };
    const found = findUnstorableString(child, exempt, childPath);
    if (found) return found;
  }
  return undefined;
}

export const describeUnstorable = (found: UnstorableString): string => `${found.path}: ${found.reason}`;
