import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { SmsCount } from '@/lib/sms/count';

interface Props {
  id: string;
  count: SmsCount;
  maxMessages: number;
}

const characters = (n: number) => (n === 1 ? t('compose_count_character_one') : t('compose_count_characters', String(n)));
const messages = (n: number) => (n === 1 ? t('compose_count_message_one') : t('compose_count_messages', String(n)));
const encodingName = (count: SmsCount) => (count.encoding === 'GSM-7' ? t('compose_encoding_gsm') : t('compose_encoding_ucs2'));

/**
 * Under the box, live: "42 characters · 1 message · GSM-7", and past the configured maximum a
 * message saying so. The line itself is not a live region (it would speak on every key);
 * a screen reader hears when the number of messages or the encoding changes.
 */
export function SmsCounter({ id, count, maxMessages }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef({ messages: count.messages, encoding: count.encoding });
  useEffect(() => {
    const before = previous.current;
    if (before.messages === count.messages && before.encoding === count.encoding) return;
    previous.current = { messages: count.messages, encoding: count.encoding };
    if (count.messages > 0) setAnnouncement(t('compose_announce', messages(count.messages), encodingName(count)));
  }, [count.messages, count.encoding]);

  const over = count.messages > maxMessages;
  return (
    <>
      <p id={id} class={`sms-counter${over ? ' over' : ''}`}>
        <span>{characters(count.characters)}</span>
        <span aria-hidden="true"> · </span>
        <span>{messages(count.messages)}</span>
        <span aria-hidden="true"> · </span>
        <span class={count.encoding === 'UCS-2' ? 'encoding unicode' : 'encoding'}>{encodingName(count)}</span>
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {over && (
        <p class="alert" role="alert">
          {t('compose_too_long', String(count.messages), String(maxMessages))}
        </p>
      )}
    </>
  );
}
