import type { DeliveryReason } from '../../lib/protocol';
import type { SmsEncoding } from '../../lib/sms/segments';
import type { PartState } from '../delivery/aggregate';

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

/** What the carrier took: one row per message it knows, each with its id and first state. */
export interface HandOver {
  parts: { part: number; providerId: string; state: PartState; reason?: DeliveryReason; code?: string }[];
}

/** The carrier refused the message for good (a 4xx): it is not retried. */
export class GatewayRefusal extends Error {
  override name = 'GatewayRefusal';
  constructor(
    message: string,
    readonly reason: DeliveryReason,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The carrier could not be reached or asked to wait (429, 5xx, timeout): tried again later.
 * `maybeSent`: the request may have reached it (a timeout, a 5xx), so the next attempt asks the
 * carrier first (`findSent`) instead of sending blindly.
 */
export class GatewayUnavailable extends Error {
  override name = 'GatewayUnavailable';
  constructor(
    message: string,
    readonly maybeSent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * A carrier connection. After a crash between the hand-over and its record the dispatcher calls
 * `findSent` (what the carrier already has for this message) before it sends again; a gateway
 * without `findSent` must make `send` idempotent by `message.id`. A gateway that supports
 * concatenation sends several parts as one multipart message (see `air-parts.ts`).
 */
export interface SmsGateway {
  /** `simulator` or the id under `gateways` in the configuration. */
  readonly id: string;
  readonly name: string;
  send(message: OutboundSms): Promise<HandOver>;
  findSent?(message: OutboundSms, handedOverAt: number): Promise<HandOver | null>;
  /** First wait before a retry (doubled each time, up to 5 minutes). */
  readonly retryFirstDelayMs?: number;
}

/** A delivery report from a carrier (a status callback, a simulated handset receipt). */
export interface DeliveryReceipt {
  gateway: string;
  providerId: string;
  /** Known when the callback URL carried it (Twilio's arrive before the REST answer, sometimes). */
  outboundId?: string;
  part?: number;
  state: PartState;
  reason?: DeliveryReason;
  code?: string;
}
