import { t, type MessageKey } from '../../lib/i18n/t';
import type { Customer, MessageEntry, SystemEntry, TranscriptEntry } from '../../lib/protocol';
import type { CopyLine } from '../../lib/transcript/copy';
import { systemEntryText } from './parties';

/** Who wrote a message, as the agent reads it. */
export function senderName(entry: MessageEntry, customer: Customer): string {
  switch (entry.author.role) {
    case 'customer':
      return customer.name ?? customer.phone;
    case 'agent':
      return entry.author.name;
    case 'system':
      return t('transcript_system');
  }
}

const REFUSAL_KEYS = {
  not_an_allowed_image: 'mms_refused_not_an_allowed_image',
  too_large: 'mms_refused_too_large',
  too_many_files: 'mms_refused_too_many_files',
  bad_base64: 'mms_refused_bad_base64',
  too_many_pixels: 'mms_refused_too_many_pixels',
  corrupt: 'mms_refused_corrupt',
  unavailable: 'mms_refused_unavailable',
} as const satisfies Record<string, MessageKey>;

/** "photo.heic was refused: it is not a JPEG, PNG, GIF or WebP image." in the agent's language. */
function refusalText(params: Record<string, string>): string {
  const file = params.file ? params.file : t('mms_file_number', params.number ?? '?');
  const reason = params.reason as keyof typeof REFUSAL_KEYS | undefined;
  const key = reason !== undefined && reason in REFUSAL_KEYS ? REFUSAL_KEYS[reason] : 'mms_refused_corrupt';
  const values: Record<typeof key, string[]> = {
    mms_refused_not_an_allowed_image: [],
    mms_refused_too_large: [params.size ?? '', params.limit ?? ''],
    mms_refused_too_many_files: [params.max ?? ''],
    mms_refused_bad_base64: [],
    mms_refused_too_many_pixels: [params.width ?? '', params.height ?? '', params.limit ?? ''],
    mms_refused_corrupt: [],
    mms_refused_unavailable: [params.detail ?? ''],
  };
  return t('system_media_refused', file, t(key, ...values[key]));
}

/** A system line in words. */
export function systemText(entry: SystemEntry): string {
  switch (entry.code) {
    case 'media_refused':
      return refusalText(entry.params);
    default: {
      const { key, args } = systemEntryText(entry);
      return t(key, ...args);
    }
  }
}

/** What Copy puts on the clipboard for one entry. */
export function copyLineOf(entry: TranscriptEntry, customer: Customer): CopyLine {
  if (entry.kind === 'system') return { at: entry.at, sender: t('transcript_system'), text: systemText(entry) };
  const images = (entry.media ?? []).map((file, i) => t('transcript_copy_image', file.filename ?? t('mms_image_number', String(i + 1))));
  return { at: entry.at, sender: senderName(entry, customer), text: [entry.text, ...images].filter((part) => part !== '').join(' ') };
}
