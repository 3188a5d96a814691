import { createHash } from 'node:crypto';
import type { StandardResponse, StandardResponseLibrary } from '../../lib/protocol';
import { unknownVariables } from '../../lib/responses/variables';
import { segmentSms } from '../../lib/sms/segments';
import type { TextoConfig } from '../config';

const built = new WeakMap<TextoConfig, StandardResponseLibrary>();

/**
 * The configuration's standard responses as the panel receives them: flat, in the
 * administrator's order, each with an id, and a version that changes with any edit (the panel
 * refetches only then).
 */
export function responseLibrary(config: TextoConfig): StandardResponseLibrary {
  const cached = built.get(config);
  if (cached) return cached;
  const responses: StandardResponse[] = config.standardResponses.flatMap(({ category, responses: entries }, i) =>
    entries.map((entry, j) => ({
      id: entry.id ?? `${i + 1}.${j + 1}`,
      category,
      name: entry.name,
      text: entry.text,
      language: entry.language,
      ...(entry.shortcut ? { shortcut: entry.shortcut } : {}),
    })),
  );
  const version = createHash('sha256').update(JSON.stringify(responses)).digest('base64url').slice(0, 16);
  const library = { version, responses };
  built.set(config, library);
  return library;
}

/**
 * What the administrator should fix in the library without it stopping the server: variables
 * the panel does not know (they stay visible in the reply) and responses longer than the
 * configured maximum (they could never be sent as they are).
 */
export function responseWarnings(config: TextoConfig): string[] {
  const warnings: string[] = [];
  for (const response of responseLibrary(config).responses) {
    const label = `standard response "${response.name}" (${response.id})`;
    const unknown = unknownVariables(response.text);
    if (unknown.length > 0) warnings.push(`${label} uses ${unknown.join(', ')}, which the panel does not know: it stays as written.`);
    const messages = segmentSms(response.text).segments.length;
    if (messages > config.compose.maxMessages) {
      warnings.push(`${label} needs ${messages} SMS, more than compose.maxMessages (${config.compose.maxMessages}).`);
    }
  }
  return warnings;
}
