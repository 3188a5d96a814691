/**
 * Text as a carrier delivered it, made storable without losing what the customer sent.
 * PostgreSQL's text cannot hold U+0000 (the 500 of issue 10): a NUL — typically a GSM `@` (septet
 * 0x00) decoded by a gateway as a byte — becomes U+2400 SYMBOL FOR NULL, so the agent sees that
 * something was there and nothing is silently dropped. A lone UTF-16 surrogate (invalid Unicode,
 * which UTF-8 cannot carry) becomes U+FFFD. Every other control character is kept: the panel shows
 * text through text nodes only.
 */
export function carrierText(text: string): string {
  return text.replaceAll('\u0000', '\u2400').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
