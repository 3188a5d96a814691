import * as v from 'valibot';
import { AgentProfile, E164 } from './domain';

// HTTP bodies that cross a trust boundary: the extension's sign-in and the simulator gateway.

export const SignInRequest = v.object({
  username: v.pipe(v.string(), v.minLength(1, 'the username is empty'), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1, 'the password is empty'), v.maxLength(200)),
});
export type SignInRequest = v.InferOutput<typeof SignInRequest>;

export const SignInResponse = v.object({ token: v.string(), agent: AgentProfile });
export type SignInResponse = v.InferOutput<typeof SignInResponse>;

export const MAX_INBOUND_TEXT = 10_000;

export const SimulatorInbound = v.object({
  from: E164,
  to: E164,
  text: v.pipe(v.string(), v.maxLength(MAX_INBOUND_TEXT, `the text is longer than ${MAX_INBOUND_TEXT} characters`)),
});
export type SimulatorInbound = v.InferOutput<typeof SimulatorInbound>;

export const SimulatorInboundAccepted = v.object({ id: v.string(), interactionId: v.string() });

/** What the contact centre sent to one phone, as the simulator lists it: one row per SMS on the air. */
export const SimulatorOutbound = v.object({
  id: v.string(),
  from: v.string(),
  to: v.string(),
  text: v.string(),
  at: v.number(),
  /** Outbound SMS only. */
  encoding: v.optional(v.picklist(['GSM-7', 'UCS-2'])),
  /**
   * A part of a concatenated SMS: the phone joins the parts sharing `reference` (the UDH's
   * 8-bit reference; `udh` is the header as hex, e.g. 050003A70301).
   */
  concatenation: v.optional(v.object({ reference: v.number(), part: v.number(), parts: v.number(), udh: v.string() })),
  /** One of several plain SMS a gateway without concatenation sent for one reply. */
  separate: v.optional(v.object({ part: v.number(), parts: v.number() })),
});
export type SimulatorOutbound = v.InferOutput<typeof SimulatorOutbound>;
