import type { SmsEncoding } from '../../lib/sms/segments';

/** A reply leaving the contact centre for a customer's phone, already cut into SMS segments. */
export interface OutboundSms {
  id: string;
  interactionId: string;
  /** The contact-centre number the customer wrote to. */
  from: string;
  to: string;
  /** The whole reply, as the agent wrote it. */
  text: string;
  encoding: SmsEncoding;
  /** The segments (`segmentSms`): one for a short reply; joining them gives `text`. */
  parts: string[];
}

/**
 * A carrier connection. `send` must be idempotent by `message.id`: after a crash between the
 * hand-over and its record, the same message is handed over again. A gateway that supports
 * concatenation sends several parts as one multipart message (see `air-parts.ts`), otherwise as
 * separate SMS.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: OutboundSms): Promise<void>;
}
