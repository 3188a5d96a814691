import type { Interaction, MessageEntry } from '../protocol';
import type { Translate } from '../i18n/t';
import { readablePlainText } from './readable-text';

/** The customer's first message of an offer: what its card and notification show. */
export function firstCustomerMessage(interaction: Interaction): MessageEntry | undefined {
  const first = interaction.transcript.find((entry) => entry.kind === 'message' && entry.direction === 'in');
  return first?.kind === 'message' ? first : undefined;
}

/** "(1 picture)", "(3 pictures)": so that an MMS with pictures only is not announced as empty. */
export function picturesLabel(message: MessageEntry, translate: Translate): string {
  const pictures = message.media?.length ?? 0;
  if (pictures === 0) return '';
  return pictures === 1 ? translate('preview_one_picture') : translate('preview_pictures', String(pictures));
}

/**
 * The offer as plain text (the system notification): the first message with its addresses shown
 * as the transcript shows them (readable-text.ts), and how many pictures came with it.
 */
export function offerPreview(interaction: Interaction, translate: Translate): string {
  const first = firstCustomerMessage(interaction);
  if (!first) return '';
  const text = readablePlainText(first.text.trim());
  const label = picturesLabel(first, translate);
  if (!label) return text;
  return text ? `${text} (${label})` : label;
}
