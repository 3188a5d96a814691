import { EXTENSION, type ImageType } from './types';

/**
 * Characters a customer could use to disguise a file name: C0/C1 controls, bidirectional
 * overrides and isolates ("photo\u202Egnp.exe" shows as "photoexe.png"), zero-width characters.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const DISGUISING = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MAX_LENGTH = 100;

/**
 * A customer's file name made safe to show and log: no path, no control or direction characters,
 * at most 100 characters. Undefined when nothing is left (the caller then says "file 2").
 */
export function displayFilename(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const base = raw.split(/[/\\]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(DISGUISING, '').trim().replace(/^\.+/, '');
  if (clean === '') return undefined;
  const chars = [...clean];
  if (chars.length <= MAX_LENGTH) return clean;
  return `${chars.slice(0, 80).join('')}…${chars.slice(-15).join('')}`;
}

const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A name to save the file under: the customer's name (made safe) without its extension, plus the
 * extension of the type sniffed from the bytes, so "invoice.pdf.exe" sent as a JPEG saves as
 * "invoice.pdf.jpg" and opens as a picture.
 */
export function downloadFilename(name: string | undefined, type: ImageType, fallbackStem: string): string {
  const safe = displayFilename(name);
  const stem = (safe ?? fallbackStem)
    .replace(/\.[^.]{1,5}$/, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '');
  const usable = stem === '' || RESERVED_ON_WINDOWS.test(stem) ? `_${stem}` : stem;
  return `${usable}.${EXTENSION[type]}`;
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
