/** A text leaving the contact centre for a customer's phone. */
export interface OutboundSms {
  id: string;
  interactionId: string;
  /** The contact-centre number the customer wrote to. */
  from: string;
  to: string;
  text: string;
}

/**
 * A carrier connection. `send` must be idempotent by `message.id`: after a crash between the
 * hand-over and its record, the same message is handed over again.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: OutboundSms): Promise<void>;
}
