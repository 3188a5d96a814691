import type { ErrorCode } from '../../lib/protocol';

/** A refusal the agent or caller can act on (not a bug): becomes an `error` frame or HTTP error. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
