import * as v from 'valibot';

/**
 * Error codes of `error` frames and HTTP error bodies. The code is for programs; the message is
 * for the person reading it and says what to do.
 */
export const ErrorCode = v.picklist([
  'bad_frame', // not JSON, or not a frame this protocol knows
  'bad_request', // a well-formed frame or body whose content is invalid
  'unsupported_version', // hello with another protocol version
  'unauthorized', // missing, wrong or expired token / credentials
  'not_signed_in', // a frame other than hello before hello succeeded
  'not_found', // no such interaction, offer, route…
  'forbidden', // exists, but not this agent's to act on
  'conflict', // the state has moved on (offer already expired, interaction closed…)
  'too_large', // body or frame over the size limit
  'too_many_attempts', // sign-in refused for a while after repeated wrong passwords
  'unavailable', // a channel or gateway is down
  'opted_out', // the customer answered STOP (or the carrier refused for that reason): no text may go to them
  'internal', // a bug on the server; the message says it was logged
]);
export type ErrorCode = v.InferOutput<typeof ErrorCode>;

export const ApiError = v.object({ error: v.object({ code: ErrorCode, message: v.string() }) });
export type ApiError = v.InferOutput<typeof ApiError>;
