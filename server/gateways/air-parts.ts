import type { OutboundSms } from './gateway';

/** One SMS as it goes on the air. */
export interface AirSms {
  /** `<reply id>` for a single SMS, `<reply id>#<part>` for each part of a longer one. */
  id: string;
  text: string;
  /** Concatenated: the UDH's 8-bit reference shared by the parts, and the header as hex. */
  concatenation?: { reference: number; part: number; parts: number; udh: string };
  /** Separate: which of the plain SMS this is (the phone itself cannot tell). */
  separate?: { part: number; parts: number };
}

const hexByte = (value: number) => value.toString(16).padStart(2, '0').toUpperCase();

/**
 * The user data header of a concatenated part (3GPP TS 23.040 §9.2.3.24.1): UDH length 05,
 * information element 00 (concatenation, 8-bit reference), its length 03, then the reference,
 * the number of parts and this part's number (from 1). 6 octets: why a part holds 153 septets
 * or 67 UCS-2 characters instead of 160 / 70.
 */
export function concatenationHeader(reference: number, parts: number, part: number): string {
  return `050003${hexByte(reference)}${hexByte(parts)}${hexByte(part)}`;
}

/**
 * The SMS that carry `message`: one as is when it fits; otherwise one per segment, joined on
 * the phone by a shared `reference` when the gateway concatenates, plain SMS when it does not.
 */
export function airParts(message: OutboundSms, mode: 'concatenated' | 'separate', reference: number): AirSms[] {
  const parts = message.parts.length > 0 ? message.parts : [message.text];
  if (parts.length === 1) return [{ id: message.id, text: parts[0]! }];
  return parts.map((text, index) => {
    const part = index + 1;
    const id = `${message.id}#${part}`;
    if (mode === 'separate') return { id, text, separate: { part, parts: parts.length } };
    return { id, text, concatenation: { reference, part, parts: parts.length, udh: concatenationHeader(reference, parts.length, part) } };
  });
}
