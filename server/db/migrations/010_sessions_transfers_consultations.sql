-- Issue 3: session inactivity, instant transfers, consultations, Team Communicator recents.
-- Written to apply whether or not the other features' migrations (020–049) ran before it.

-- Session mode: when the session ends unless an SMS goes either way before (the stored deadline
-- `session.inactive` fires then). An ended session stays on its agent's desk, read-only, until
-- they mark it done (dismissed_at).
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS inactivity_deadline bigint;
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS dismissed_at bigint;
-- The current owner's latest instant transfer as the panel shows it (pending or failed), or null.
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS transfer_status jsonb;
CREATE INDEX IF NOT EXISTS interactions_ended_on_desk ON interactions (agent_id)
  WHERE state = 'closed' AND close_reason = 'inactivity' AND dismissed_at IS NULL;

-- Instant transfers. The sender keeps the interaction until an offer (offers.transfer_id) is accepted.
CREATE TABLE IF NOT EXISTS transfers (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  from_agent text NOT NULL REFERENCES agents (id),
  target_kind text NOT NULL CHECK (target_kind IN ('agent', 'queue')),
  -- agent id or queue name
  target text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'accepted', 'refused', 'timeout', 'unavailable', 'nobody', 'cancelled')),
  to_agent text REFERENCES agents (id),
  created_at bigint NOT NULL,
  ended_at bigint
);
CREATE UNIQUE INDEX IF NOT EXISTS transfers_one_pending ON transfers (interaction_id) WHERE state = 'pending';
ALTER TABLE offers ADD COLUMN IF NOT EXISTS transfer_id text REFERENCES transfers (id);
CREATE INDEX IF NOT EXISTS offers_by_transfer ON offers (transfer_id) WHERE transfer_id IS NOT NULL;

-- IM consultations between the agent handling an interaction (host) and a colleague (guest).
CREATE TABLE IF NOT EXISTS consultations (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  host_agent text NOT NULL REFERENCES agents (id),
  guest_agent text NOT NULL REFERENCES agents (id),
  started_at bigint NOT NULL,
  ended_at bigint,
  ended_by text REFERENCES agents (id)
);
CREATE INDEX IF NOT EXISTS consultations_open_by_interaction ON consultations (interaction_id) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS consultations_open_by_host ON consultations (host_agent) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS consultations_open_by_guest ON consultations (guest_agent) WHERE ended_at IS NULL;

CREATE TABLE IF NOT EXISTS consultation_messages (
  id text PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  position bigserial NOT NULL,
  at bigint NOT NULL,
  author_agent text NOT NULL REFERENCES agents (id),
  author_name text NOT NULL,
  text text NOT NULL
);
CREATE INDEX IF NOT EXISTS consultation_messages_by_consultation ON consultation_messages (consultation_id, position);

-- Team Communicator: the targets each agent used last (transfers, consultations), so they follow
-- the agent from one desktop to the next.
CREATE TABLE IF NOT EXISTS agent_recent_targets (
  agent_id text NOT NULL REFERENCES agents (id),
  target_kind text NOT NULL CHECK (target_kind IN ('agent', 'queue')),
  target text NOT NULL,
  used_at bigint NOT NULL,
  PRIMARY KEY (agent_id, target_kind, target)
);

-- What the guest of a consultation sees of the interaction (customer, mode, newest messages), as
-- it was when the consultation started.
ALTER TABLE consultations ADD COLUMN IF NOT EXISTS summary jsonb NOT NULL DEFAULT '{}';
