/**
 * The phone number a "Send SMS with Texto" context-menu click is about: a `tel:` or `sms:` link's
 * number (its parameters dropped), else the selected text when it looks like a phone number.
 * Undefined when there is none; the New SMS form checks it for real (in the number's region).
 */
export function numberFromContextMenu(info: { linkUrl?: string | undefined; selectionText?: string | undefined }): string | undefined {
  const link = info.linkUrl?.match(/^(?:tel|sms):(?:\/\/)?([^?;,]*)/i);
  if (link?.[1] !== undefined) {
    const number = safeDecode(link[1]).trim();
    if (looksLikePhone(number)) return number;
  }
  const selected = info.selectionText?.trim().replace(/\s+/g, ' ');
  return selected && looksLikePhone(selected) ? selected : undefined;
}

/** Digits with the usual separators, 6 to 20 digits, at most 40 characters. */
function looksLikePhone(text: string): boolean {
  if (text.length > 40 || !/^\+?[\d\s().\-/]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 20;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
