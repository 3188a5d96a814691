import { t } from '@/lib/i18n/t';
import type { MessageMedia } from '@/lib/protocol';

/** The customer's file name, or "Image 2" by position when the phone sent none. */
export function mediaName(media: MessageMedia, position: number): string {
  return media.filename ?? t('mms_image_number', String(position));
}

/** Thumbnail box in CSS pixels: at most 160 on the long side, never enlarged (server thumbnails are 320). */
export function thumbnailBox(media: Pick<MessageMedia, 'width' | 'height'>, maxSide = 160): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(media.width, media.height));
  return { width: Math.max(1, Math.round(media.width * scale)), height: Math.max(1, Math.round(media.height * scale)) };
}
