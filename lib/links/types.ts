/** Why a link deserves the agent's attention; the panel shows each one as a sentence. */
export type LinkWarning =
  /** `https://bank.example@evil.example/`: the text before `@` is a user name, not the site. */
  | { kind: 'userinfo'; host: string }
  /** The host is shown in its encoded (punycode) form; `unicode` is how the customer wrote it. */
  | { kind: 'punycode'; unicode: string }
  /** One label mixes scripts (Latin `a` with Cyrillic `р`…); `imitates` is what it reads as. */
  | { kind: 'mixed_script'; imitates: string | undefined }
  /** A label written wholly in look-alike letters of another script (Cyrillic `аррӏе`). */
  | { kind: 'whole_script_confusable'; imitates: string }
  /** The host reads as a well-known site once accents and look-alike letters are removed. */
  | { kind: 'lookalike'; imitates: string }
  /** Symbols, rare scripts or stray combining marks in a host name. */
  | { kind: 'unusual_characters' }
  /** An `xn--` label that does not decode to a valid name. */
  | { kind: 'invalid_punycode' }
  /** Bidirectional control characters in the address (shown as `⟪U+202E⟫`). */
  | { kind: 'bidi_control' }
  /** The site is a numeric address (also written in decimal, octal or hexadecimal). */
  | { kind: 'ip_address'; host: string }
  /** Only http, https, mailto and tel open; this address stays plain text. */
  | { kind: 'scheme_not_allowed'; scheme: string };

export type LinkWarningKind = LinkWarning['kind'];

/** A piece of the visible text, so the panel can make the real host stand out. */
export interface LinkSegment {
  role: 'scheme' | 'userinfo' | 'mailbox' | 'host' | 'port' | 'path';
  text: string;
}

/** How one address is shown to the agent. */
export interface LinkView {
  /** Only http, https, mailto and tel, and only when the address parses. */
  clickable: boolean;
  /** Lowercase, without the colon (`https`); empty when the address does not parse. */
  scheme: string;
  /** The exact URL the browser opens (ASCII, as the URL parser serialises it); empty if not clickable. */
  href: string;
  /** The visible text: the real address, never shortened, invisible characters made visible. */
  text: string;
  /** `text` cut by role; joined they give `text` exactly. */
  segments: LinkSegment[];
  /** The full URL for the tooltip (the exact `href` when clickable). */
  tooltip: string;
  warnings: LinkWarning[];
}

/** How a host name is shown. */
export interface HostView {
  /** Unicode when it is safe to read, otherwise the ASCII (punycode) form. */
  text: string;
  warnings: LinkWarning[];
}

export interface LinkOptions {
  /** Sites whose look-alikes are called out (defaults to `PROTECTED_DOMAINS`). */
  protectedDomains?: readonly string[];
}
