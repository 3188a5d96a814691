import type { CountryCode } from 'libphonenumber-js';

export type { CountryCode };

interface Span {
  /** UTF-16 offsets in the message text, `end` exclusive. */
  start: number;
  end: number;
  /** `text.slice(start, end)`: what the customer wrote. */
  raw: string;
}

/** A web address; `href` is linkify's normalised form (`www.x.fr` → `http://www.x.fr`). */
export interface UrlEntity extends Span {
  kind: 'url';
  href: string;
}

/** An email address (also from a `mailto:` address, without its query). */
export interface EmailEntity extends Span {
  kind: 'email';
  address: string;
}

/** A phone number valid for its country; `e164` such as `+33612345678`. */
export interface PhoneEntity extends Span {
  kind: 'phone';
  e164: string;
}

export type Entity = UrlEntity | EmailEntity | PhoneEntity;

export interface DetectOptions {
  /** The region national numbers belong to (configuration; the demo uses FR). */
  region: CountryCode;
}
