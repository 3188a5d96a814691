-- Real carriers (gateways per number), delivery status on every reply, inbound stored once.

-- The hand-over to a carrier: 'handing_over' is written (and committed) before the request, so
-- after a crash the dispatcher asks the carrier whether the message exists instead of sending it
-- twice; 'failed' is a final refusal (a 4xx from the carrier). `attempt` counts Resends of one
-- transcript entry (1 = the first send), `entry_id` is the transcript entry it delivers.
ALTER TABLE outbound_messages DROP CONSTRAINT IF EXISTS outbound_messages_state_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_state_check
  CHECK (state IN ('pending', 'handing_over', 'sent', 'failed'));
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS entry_id text;
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS attempt integer NOT NULL DEFAULT 1;
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS gateway text;
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS handed_over_at bigint;
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS next_attempt_at bigint;
DROP INDEX IF EXISTS outbound_messages_pending;
CREATE INDEX IF NOT EXISTS outbound_messages_unsent ON outbound_messages (created_at) WHERE state IN ('pending', 'handing_over');

-- One row per message the carrier knows (Twilio: one per send; the simulator: one per SMS on the
-- air), with its own state. The reply's state is the aggregate of its parts.
CREATE TABLE IF NOT EXISTS outbound_parts (
  outbound_id text NOT NULL REFERENCES outbound_messages (id),
  part integer NOT NULL,
  gateway text NOT NULL,
  provider_id text,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'delivered', 'undelivered', 'failed')),
  reason text,
  error_code text,
  updated_at bigint NOT NULL,
  PRIMARY KEY (outbound_id, part)
);
CREATE UNIQUE INDEX IF NOT EXISTS outbound_parts_provider ON outbound_parts (gateway, provider_id);

-- The reply's delivery as the transcript shows it ({state, reason?, code?, delivered?, parts?}).
ALTER TABLE transcript_entries ADD COLUMN IF NOT EXISTS delivery jsonb;

-- Inbound idempotency: a carrier's message id (Twilio's MessageSid, the simulator's providerId)
-- is stored with the entry it made, in the same transaction, so a retried webhook stores nothing.
CREATE TABLE IF NOT EXISTS inbound_provider_ids (
  gateway text NOT NULL,
  provider_id text NOT NULL,
  entry_id text NOT NULL,
  interaction_id text NOT NULL,
  PRIMARY KEY (gateway, provider_id)
);

-- The simulator's delivery rules per phone (set from the phone page or the API): deliver (after
-- an optional delay), fail with a reason, or hold (no report until one is posted by hand).
CREATE TABLE IF NOT EXISTS simulator_delivery_rules (
  phone text PRIMARY KEY,
  outcome text NOT NULL CHECK (outcome IN ('deliver', 'fail', 'hold')),
  reason text,
  delay_ms integer NOT NULL DEFAULT 0
);
