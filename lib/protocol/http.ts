import * as v from 'valibot';
import { CaseDataKey, MAX_CASE_VALUE_LENGTH } from './commands';
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

/**
 * One file of an inbound MMS. No size limit here on purpose: an oversize or broken file is refused
 * by the server's media checks (the text and the other files still go through), not the body.
 */
export const SimulatorMediaPart = v.object({
  contentType: v.pipe(v.string(), v.maxLength(200)),
  base64: v.string(),
  filename: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});
export type SimulatorMediaPart = v.InferOutput<typeof SimulatorMediaPart>;

export const SimulatorInbound = v.object({
  from: E164,
  to: E164,
  text: v.pipe(v.string(), v.maxLength(MAX_INBOUND_TEXT, `the text is longer than ${MAX_INBOUND_TEXT} characters`)),
  /** Images of an MMS (JPEG, PNG, GIF, WebP); with any, the message is an MMS. */
  media: v.optional(v.pipe(v.array(SimulatorMediaPart), v.maxLength(50, 'a message carries at most 50 files'))),
  /**
   * The sending network's id for this message: the same id again (a phone retrying a POST whose
   * answer was lost) stores nothing and gets the first answer.
   */
  providerId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100, 'the provider id is longer than 100 characters'))),
  /** Fields the gateway attaches to the interaction (campaign, language…); they join its case data. */
  caseData: v.optional(
    v.pipe(
      v.record(CaseDataKey, v.pipe(v.string(), v.maxLength(MAX_CASE_VALUE_LENGTH, `a case-data value is longer than ${MAX_CASE_VALUE_LENGTH} characters`))),
      v.check((record) => Object.keys(record).length <= 20, 'at most 20 case-data fields'),
    ),
  ),
});
export type SimulatorInbound = v.InferOutput<typeof SimulatorInbound>;

export const SimulatorInboundAccepted = v.object({
  id: v.string(),
  interactionId: v.string(),
  /** For an MMS: the files kept (by id) and those refused, with the reason in English. */
  media: v.optional(v.array(v.object({ id: v.string(), filename: v.optional(v.string()) }))),
  refused: v.optional(v.array(v.object({ index: v.number(), filename: v.optional(v.string()), reason: v.string(), message: v.string() }))),
});

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
