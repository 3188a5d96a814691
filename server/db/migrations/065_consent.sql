-- Consent (docs/consent.md): whether a customer's number accepts texts, per contact-centre number
-- or for the whole centre (scope '*'), and every change kept as the proof a regulator asks for.
CREATE TABLE IF NOT EXISTS consent (
  customer_phone text NOT NULL,
  scope text NOT NULL,
  opted_out boolean NOT NULL,
  changed_at bigint NOT NULL,
  PRIMARY KEY (customer_phone, scope)
);

CREATE TABLE IF NOT EXISTS consent_changes (
  id text PRIMARY KEY,
  customer_phone text NOT NULL,
  scope text NOT NULL,
  opted_out boolean NOT NULL,
  at bigint NOT NULL,
  via text NOT NULL CHECK (via IN ('keyword', 'agent', 'carrier')),
  keyword text,
  agent_id text,
  agent_name text,
  carrier_code text,
  centre_number text NOT NULL,
  interaction_id text
);
CREATE INDEX IF NOT EXISTS consent_changes_by_phone ON consent_changes (customer_phone, at);

-- The customer message of an interaction that looks like an opt-out (the agent is asked).
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS suspected_opt_out text;
