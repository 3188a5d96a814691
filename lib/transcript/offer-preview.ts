import type { Interaction } from '../protocol';
import type { Translate } from '../i18n/t';

/**
 * What an offer shows of the customer's first message (in the panel's card and the system
 * notification): its text, and how many pictures came with it, so that an MMS with pictures only
 * is not announced as an empty message.
 */
export function offerPreview(interaction: Interaction, translate: Translate): string {
  const first = interaction.transcript.find((entry) => entry.kind === 'message' && entry.direction === 'in');
  if (first?.kind !== 'message') return '';
  const text = first.text.trim();
  const pictures = first.media?.length ?? 0;
  if (pictures === 0) return text;
  const label = pictures === 1 ? translate('preview_one_picture') : translate('preview_pictures', String(pictures));
  return text ? `${text} (${label})` : label;
}
